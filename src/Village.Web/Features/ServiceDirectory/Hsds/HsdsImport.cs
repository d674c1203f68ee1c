using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory.Hsds;

/// <summary>How many records of a kind the import created, changed or found as they were.</summary>
public sealed record HsdsImportCount(string Kind, int Created, int Updated, int Unchanged);

/// <summary>The import's outcome: the counts, or the errors (each with its line, column and path) and nothing
/// written.</summary>
public sealed record HsdsImportResult(IReadOnlyList<string> Errors, int ErrorCount, IReadOnlyList<HsdsImportCount> Counts)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>Loads an HSDS 3.0 dataset into the directory: JSON (a service, an organisation with its services, a list
/// of them or a page envelope) or the tabular datapackage (CSV files in a folder or a zip). Fields Village does not
/// keep are ignored, so HSDS 3.1 data loads too. All or nothing: every record is checked first; one error and
/// nothing is written. Records are upserted by id: importing the same file twice changes nothing, a changed file
/// updates, and the children a service or location no longer lists are removed. Imported services are published
/// (an import is an administrator's act) unless <c>pending</c> is asked.</summary>
public sealed class HsdsImport(VillageDb db, TimeProvider clock)
{
    private const int Chunk = 500;

    /// <summary>A JSON file, a datapackage folder, its datapackage.json, or a zip.</summary>
    public Task<HsdsImportResult> ImportAsync(string path, bool pending = false, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            return ImportAsync(set => ReadPackage(set, HsdsDatapackage.FromFolder(path)), pending, cancellationToken);
        }

        if (!File.Exists(path))
        {
            return Task.FromResult(Failure($"{path}: no such file or folder"));
        }

        if (Path.GetFileName(path) == "datapackage.json")
        {
            return ImportAsync(set => ReadPackage(set, HsdsDatapackage.FromFolder(Path.GetDirectoryName(Path.GetFullPath(path))!)), pending, cancellationToken);
        }

        if (IsZip(path))
        {
            return ImportAsync(
                set =>
                {
                    try
                    {
                        using var zip = ZipFile.OpenRead(path);
                        ReadPackage(set, HsdsDatapackage.FromZip(zip));
                    }
                    catch (InvalidDataException)
                    {
                        throw new HsdsFormatException($"{path}: not a readable zip file");
                    }
                },
                pending,
                cancellationToken);
        }

        return ImportJsonAsync(File.ReadAllBytes(path), pending, cancellationToken);
    }

    /// <summary>HSDS JSON from a stream (e.g. what <c>HsdsExport</c> wrote).</summary>
    public async Task<HsdsImportResult> ImportJsonAsync(Stream json, bool pending = false, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await json.CopyToAsync(copy, cancellationToken);
        return await ImportJsonAsync(copy.ToArray(), pending, cancellationToken);
    }

    public Task<HsdsImportResult> ImportJsonAsync(byte[] json, bool pending = false, CancellationToken cancellationToken = default) =>
        ImportAsync(set => HsdsJsonSource.Read(json, set.AddRecord), pending, cancellationToken);

    private static bool IsZip(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static void ReadPackage(HsdsDataset set, HsdsDatapackage package)
    {
        set.Tabular = true;
        var any = false;
        foreach (var (table, file, bytes) in package.TableFiles())
        {
            any = true;
            set.AddTable(table, HsdsCsv.Read(bytes, file));
        }

        if (!any)
        {
            throw new HsdsFormatException("no HSDS table found (services.csv, organizations.csv...)");
        }
    }

    private static HsdsImportResult Failure(string error) => new([error], 1, []);

    private async Task<HsdsImportResult> ImportAsync(Action<HsdsDataset> read, bool pending, CancellationToken cancellationToken)
    {
        var set = new HsdsDataset();
        try
        {
            read(set);
        }
        catch (HsdsFormatException e)
        {
            return Failure(e.Message);
        }

        CheckPairs(set);
        await CheckReferencesAsync(set, cancellationToken);
        if (set.ErrorCount > 0)
        {
            return new HsdsImportResult(set.Errors, set.ErrorCount, []);
        }

        return await WriteAsync(set, pending, cancellationToken);
    }

    /// <summary>A service sits at a location once, and is classified under a term once.</summary>
    private static void CheckPairs(HsdsDataset set)
    {
        foreach (var group in set.ServiceAtLocations.Values.GroupBy(d => (d.Entity.ServiceId, d.Entity.LocationId)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                set.Error($"{other.Node.Where}: {Field(other.Path, "location_id")}: the service is already at this location ({first.Node.Where})");
            }
        }

        foreach (var group in set.ServiceTerms.Values.GroupBy(d => (d.Entity.ServiceId, d.Entity.TaxonomyTermId)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                set.Error($"{other.Node.Where}: {Field(other.Path, "taxonomy_term_id")}: the service already has this term ({first.Node.Where})");
            }
        }
    }

    private static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Every id a record points to is in the file or already in the directory.</summary>
    private async Task CheckReferencesAsync(HsdsDataset set, CancellationToken cancellationToken)
    {
        var missing = set.References.Where(r => !InFile(set, r.Kind, r.Id)).ToList();
        foreach (var kind in missing.Select(r => r.Kind).Distinct())
        {
            var ids = missing.Where(r => r.Kind == kind).Select(r => r.Id).Distinct().ToArray();
            var found = new HashSet<Guid>();
            foreach (var chunk in ids.Chunk(Chunk))
            {
                IQueryable<Guid> query = kind switch
                {
                    HsdsKind.Organization => db.Organizations.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    HsdsKind.Service => db.Services.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    HsdsKind.Location => db.Locations.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    HsdsKind.ServiceAtLocation => db.ServiceAtLocations.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    HsdsKind.Contact => db.Contacts.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    HsdsKind.Taxonomy => db.Taxonomies.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                    _ => db.TaxonomyTerms.Where(e => chunk.Contains(e.Id)).Select(e => e.Id),
                };
                found.UnionWith(await query.ToListAsync(cancellationToken));
            }

            foreach (var reference in missing.Where(r => r.Kind == kind && !found.Contains(r.Id)))
            {
                set.Error($"{reference.Node.Where}: {reference.Path}: no {Name(kind)} with the id {reference.Id} in the file nor in the directory");
            }
        }
    }

    private static bool InFile(HsdsDataset set, HsdsKind kind, Guid id) => kind switch
    {
        HsdsKind.Organization => set.Organizations.ContainsKey(id),
        HsdsKind.Service => set.Services.ContainsKey(id),
        HsdsKind.Location => set.Locations.ContainsKey(id),
        HsdsKind.ServiceAtLocation => set.ServiceAtLocations.ContainsKey(id),
        HsdsKind.Contact => set.Contacts.ContainsKey(id),
        HsdsKind.Taxonomy => set.Taxonomies.ContainsKey(id),
        _ => set.TaxonomyTerms.ContainsKey(id),
    };

    private static string Name(HsdsKind kind) => kind switch
    {
        HsdsKind.ServiceAtLocation => "service at location",
        HsdsKind.TaxonomyTerm => "taxonomy term",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private async Task<HsdsImportResult> WriteAsync(HsdsDataset set, bool pending, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var listing = pending ? ListingStatus.Pending : ListingStatus.Published;
        db.ChangeTracker.CascadeDeleteTiming = CascadeTiming.OnSaveChanges;
        db.ChangeTracker.DeleteOrphansTiming = CascadeTiming.OnSaveChanges;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var services = set.Services.Keys.ToHashSet();
        var locations = set.Locations.Keys.ToHashSet();
        var servicesAtLocations = set.ServiceAtLocations.Keys.ToHashSet();
        var contacts = set.Contacts.Keys.ToHashSet();

        await SyncAsync(db.Taxonomies, set.Taxonomies, ids => db.Taxonomies.Where(e => ids.Contains(e.Id)), [], null, cancellationToken);
        await SyncAsync(db.TaxonomyTerms, set.TaxonomyTerms, ids => db.TaxonomyTerms.Where(e => ids.Contains(e.Id)), [], null, cancellationToken);
        await SyncAsync(
            db.Organizations,
            set.Organizations,
            ids => db.Organizations.Where(e => ids.Contains(e.Id)),
            [],
            (existing, draft) =>
            {
                draft.IsFictional = existing.IsFictional;
                draft.CreatedAt = existing.CreatedAt;
                draft.UpdatedAt = existing.UpdatedAt;
            },
            cancellationToken);
        await SyncAsync(db.Locations, set.Locations, ids => db.Locations.Where(e => ids.Contains(e.Id)), [], null, cancellationToken);
        await SyncAsync(
            db.Services,
            set.Services,
            ids => db.Services.Where(e => ids.Contains(e.Id)),
            [],
            (existing, draft) =>
            {
                draft.TimeZone = existing.TimeZone;
                draft.ListingStatus = existing.ListingStatus;
                draft.ToComplete = existing.ToComplete;
                draft.SubmittedById = existing.SubmittedById;
                draft.ModeratorNote = existing.ModeratorNote;
                draft.CreatedAt = existing.CreatedAt;
                draft.PublishedAt = existing.PublishedAt;
                draft.ReviewReminderSentAt = existing.ReviewReminderSentAt;
                if (!set.LastModifiedGiven.Contains(draft.Id))
                {
                    draft.LastModified = existing.LastModified;
                }
            },
            cancellationToken);
        await SyncAsync(
            db.ServiceAtLocations,
            set.ServiceAtLocations,
            ids => db.ServiceAtLocations.Where(e => ids.Contains(e.Id)),
            [(services, ids => db.ServiceAtLocations.Where(e => ids.Contains(e.ServiceId)))],
            null,
            cancellationToken);
        await SyncAsync(
            db.Addresses,
            set.Addresses,
            ids => db.Addresses.Where(e => ids.Contains(e.Id)),
            [(locations, ids => db.Addresses.Where(e => ids.Contains(e.LocationId)))],
            null,
            cancellationToken);
        await SyncAsync(
            db.Accessibility,
            set.Accessibility,
            ids => db.Accessibility.Where(e => ids.Contains(e.Id)),
            [(locations, ids => db.Accessibility.Where(e => ids.Contains(e.LocationId)))],
            null,
            cancellationToken);
        await SyncAsync(
            db.Contacts,
            set.Contacts,
            ids => db.Contacts.Where(e => ids.Contains(e.Id)),
            [
                (services, ids => db.Contacts.Where(e => e.ServiceId != null && ids.Contains(e.ServiceId.Value))),
                (locations, ids => db.Contacts.Where(e => e.LocationId != null && ids.Contains(e.LocationId.Value))),
                (servicesAtLocations, ids => db.Contacts.Where(e => e.ServiceAtLocationId != null && ids.Contains(e.ServiceAtLocationId.Value))),
                (set.OrganizationsWithContacts, ids => db.Contacts.Where(e => e.OrganizationId != null && ids.Contains(e.OrganizationId.Value))),
            ],
            null,
            cancellationToken);
        await SyncAsync(
            db.Phones,
            set.Phones,
            ids => db.Phones.Where(e => ids.Contains(e.Id)),
            [
                (services, ids => db.Phones.Where(e => e.ServiceId != null && ids.Contains(e.ServiceId.Value))),
                (locations, ids => db.Phones.Where(e => e.LocationId != null && ids.Contains(e.LocationId.Value))),
                (servicesAtLocations, ids => db.Phones.Where(e => e.ServiceAtLocationId != null && ids.Contains(e.ServiceAtLocationId.Value))),
                (contacts, ids => db.Phones.Where(e => e.ContactId != null && ids.Contains(e.ContactId.Value))),
                (set.OrganizationsWithPhones, ids => db.Phones.Where(e => e.OrganizationId != null && ids.Contains(e.OrganizationId.Value))),
            ],
            null,
            cancellationToken);
        await SyncAsync(
            db.Schedules,
            set.Schedules,
            ids => db.Schedules.Where(e => ids.Contains(e.Id)),
            [
                (services, ids => db.Schedules.Where(e => e.ServiceId != null && ids.Contains(e.ServiceId.Value))),
                (locations, ids => db.Schedules.Where(e => e.LocationId != null && ids.Contains(e.LocationId.Value))),
                (servicesAtLocations, ids => db.Schedules.Where(e => e.ServiceAtLocationId != null && ids.Contains(e.ServiceAtLocationId.Value))),
            ],
            null,
            cancellationToken);
        await SyncAsync(
            db.ServiceLanguages,
            set.Languages,
            ids => db.ServiceLanguages.Where(e => ids.Contains(e.Id)),
            [
                (services, ids => db.ServiceLanguages.Where(e => e.ServiceId != null && ids.Contains(e.ServiceId.Value))),
                (locations, ids => db.ServiceLanguages.Where(e => e.LocationId != null && ids.Contains(e.LocationId.Value))),
            ],
            null,
            cancellationToken);
        await SyncAsync(
            db.CostOptions,
            set.CostOptions,
            ids => db.CostOptions.Where(e => ids.Contains(e.Id)),
            [(services, ids => db.CostOptions.Where(e => ids.Contains(e.ServiceId)))],
            null,
            cancellationToken);
        await SyncAsync(
            db.ServiceAreas,
            set.ServiceAreas,
            ids => db.ServiceAreas.Where(e => ids.Contains(e.Id)),
            [(services, ids => db.ServiceAreas.Where(e => ids.Contains(e.ServiceId)))],
            null,
            cancellationToken);
        await SyncAsync(
            db.ServiceTerms,
            set.ServiceTerms,
            ids => db.ServiceTerms.Where(e => ids.Contains(e.Id)),
            [(services, ids => db.ServiceTerms.Where(e => ids.Contains(e.ServiceId)))],
            null,
            cancellationToken);

        db.ChangeTracker.DetectChanges();
        var counts = Stamp(set, now, listing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Failure($"the database refused the data, nothing was written: {(e.InnerException ?? e).Message}");
        }

        db.ChangeTracker.Clear();
        return new HsdsImportResult([], 0, counts);
    }

    /// <summary>Upserts the file's records of one kind by id, and removes the existing children of the given parents
    /// that the file no longer lists.</summary>
    private async Task SyncAsync<T>(
        DbSet<T> table,
        Dictionary<Guid, HsdsDraft<T>> drafts,
        Func<Guid[], IQueryable<T>> byIds,
        IReadOnlyList<(HashSet<Guid> Parents, Func<Guid[], IQueryable<T>> Children)> owned,
        Action<T, T>? keep,
        CancellationToken cancellationToken)
        where T : class
    {
        var existing = new Dictionary<Guid, T>();
        foreach (var chunk in drafts.Keys.Chunk(Chunk))
        {
            foreach (var entity in await byIds(chunk).ToListAsync(cancellationToken))
            {
                existing[Key(entity)] = entity;
            }
        }

        var children = new Dictionary<Guid, T>();
        foreach (var (parents, query) in owned)
        {
            foreach (var chunk in parents.Chunk(Chunk))
            {
                foreach (var entity in await query(chunk).ToListAsync(cancellationToken))
                {
                    children[Key(entity)] = entity;
                }
            }
        }

        foreach (var (id, draft) in drafts)
        {
            if (existing.TryGetValue(id, out var entity) || children.TryGetValue(id, out entity))
            {
                keep?.Invoke(entity, draft.Entity);
                db.Entry(entity).CurrentValues.SetValues(draft.Entity);
            }
            else
            {
                table.Add(draft.Entity);
            }
        }

        foreach (var (id, child) in children)
        {
            if (!drafts.ContainsKey(id))
            {
                table.Remove(child);
            }
        }

        Guid Key(T entity) => (Guid)db.Entry(entity).Property("Id").CurrentValue!;
    }

    /// <summary>Counts what changed, and dates it: a service changed when it or anything it is made of changed (its
    /// places included); it then takes the import's time (unless the file dates it) and the listing status asked.</summary>
    private List<HsdsImportCount> Stamp(HsdsDataset set, DateTime now, ListingStatus listing)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var atLocation = db.ChangeTracker.Entries<ServiceAtLocation>().Select(e => e.Entity).ToList();
        var salService = atLocation.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().ServiceId);
        var locationServices = atLocation.ToLookup(s => s.LocationId, s => s.ServiceId);
        var touched = new HashSet<Guid>();

        void Touch(Guid? service = null, Guid? location = null, Guid? serviceAtLocation = null)
        {
            if (service is Guid s)
            {
                touched.Add(s);
            }

            if (location is Guid l)
            {
                touched.UnionWith(locationServices[l]);
            }

            if (serviceAtLocation is Guid sal && salService.TryGetValue(sal, out var owner))
            {
                touched.Add(owner);
            }
        }

        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Service s when entry.State == EntityState.Modified: Touch(s.Id); break;
                case ServiceAtLocation s: Touch(s.ServiceId); break;
                case Location l: Touch(location: l.Id); break;
                case Address a: Touch(location: a.LocationId); break;
                case Accessibility a: Touch(location: a.LocationId); break;
                case Phone p: Touch(p.ServiceId, p.LocationId, p.ServiceAtLocationId); break;
                case Contact c: Touch(c.ServiceId, c.LocationId, c.ServiceAtLocationId); break;
                case Schedule s: Touch(s.ServiceId, s.LocationId, s.ServiceAtLocationId); break;
                case ServiceLanguage l: Touch(l.ServiceId, l.LocationId); break;
                case CostOption c: Touch(c.ServiceId); break;
                case ServiceArea a: Touch(a.ServiceId); break;
                case ServiceTerm t: Touch(t.ServiceId); break;
                default: break;
            }
        }

        int created = 0, updated = 0;
        var tracked = db.ChangeTracker.Entries<Service>().ToDictionary(e => e.Entity.Id);
        foreach (var draft in set.Services.Values)
        {
            var entry = tracked.GetValueOrDefault(draft.Entity.Id);
            var service = entry?.Entity ?? draft.Entity;
            if (entry is null || entry.State == EntityState.Added)
            {
                created++;
                service.CreatedAt = now;
                service.ListingStatus = listing;
                service.PublishedAt = listing == ListingStatus.Published ? now : null;
                if (!set.LastModifiedGiven.Contains(service.Id))
                {
                    service.LastModified = now;
                }
            }
            else if (touched.Contains(service.Id))
            {
                updated++;
                service.ListingStatus = listing;
                if (listing == ListingStatus.Published)
                {
                    service.PublishedAt ??= now;
                }

                if (!set.LastModifiedGiven.Contains(service.Id))
                {
                    service.LastModified = now;
                }
            }
        }

        var counts = new List<HsdsImportCount> { new("services", created, updated, set.Services.Count - created - updated) };
        counts.Add(Count("organizations", set.Organizations.Count, db.ChangeTracker.Entries<Organization>(), o =>
        {
            if (o.State == EntityState.Added)
            {
                o.Entity.CreatedAt = now;
            }

            o.Entity.UpdatedAt = now;
        }));
        counts.Add(Count("locations", set.Locations.Count, db.ChangeTracker.Entries<Location>(), null));
        counts.Add(Count("taxonomy terms", set.TaxonomyTerms.Count, db.ChangeTracker.Entries<TaxonomyTerm>(), null));
        return counts;
    }

    private static HsdsImportCount Count<T>(string kind, int total, IEnumerable<EntityEntry<T>> entries, Action<EntityEntry<T>>? changed)
        where T : class
    {
        int created = 0, updated = 0;
        foreach (var entry in entries.ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                _ = entry.State == EntityState.Added ? created++ : updated++;
                changed?.Invoke(entry);
            }
        }

        return new HsdsImportCount(kind, created, updated, total - created - updated);
    }
}
