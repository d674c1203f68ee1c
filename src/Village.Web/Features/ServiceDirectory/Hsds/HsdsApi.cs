using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.ServiceDirectory.Hsds;

// Text search is lower(...) LIKE on both databases; the StringComparison overload of Contains is not translated.
#pragma warning disable CA1862

/// <summary>The open read API of the directory, conforming to the HSDS 3.0 OpenAPI (docs/hsds-3.0/openapi.json): no
/// account, GET only, <c>Access-Control-Allow-Origin: *</c>, snake_case JSON without nulls, published services only.
/// Lists are page envelopes (pages from 1, 50 per page, at most 200), in a stable order; a parameter that makes no
/// sense is a 400 problem, an unknown id a 404 problem.</summary>
public static class HsdsApi
{
    public const string Prefix = "/api/hsds";
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;
    public const int MaxSearchLength = 200;

    private const string CachePolicy = "hsds";

    /// <summary>The published HSDS 3.0 OpenAPI description this API follows (answered by <c>GET /</c>).</summary>
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

    public static WebApplicationBuilder AddHsds(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HsdsWriter>();
        builder.Services.AddScoped<HsdsExport>();
        // Open data changes a few times a day and is read page after page by other systems: each answer (per query)
        // is kept Hsds:CacheSeconds (60 by default, 0: never), as a CDN would.
        var keep = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hsds:CacheSeconds", 60.0));
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy =>
        {
            if (keep > TimeSpan.Zero)
            {
                policy.Expire(keep).SetVaryByQuery("*");
            }
            else
            {
                policy.NoCache();
            }
        }));
        return builder;
    }

    public static void MapHsdsApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).AllowAnonymous().WithTags("HSDS").CacheOutput(CachePolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                return await next(context);
            });
        const string Doc = " HSDS 3.0 JSON (snake_case, absent values left out); see the HSDS OpenAPI for the shapes.";
        api.MapGet("", () => Json(new ApiInfo("3.0", OpenApiUrl))).WithName("HsdsInfo")
            .WithSummary("The HSDS version of this API (3.0) and the OpenAPI description it follows.");
        api.MapGet("services", ServicesAsync).WithName("HsdsServices")
            .WithSummary("Published services, a page at a time (page from 1, per_page 1 to 200, default 50), by last change then id. search looks "
                + "in the name, description and organisation name; taxonomy_term_id, taxonomy_id, organization_id, modified_after (ISO 8601) filter; "
                + "minimal=true keeps id, name, status and last_modified; full=true nests everything." + Doc)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("services/{id}", ServiceAsync).WithName("HsdsService")
            .WithSummary("A published service, fully nested." + Doc).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("organizations", OrganizationsAsync).WithName("HsdsOrganizations")
            .WithSummary("Organisations with a published service, by name then id; full=true nests contacts, phones and places, "
                + "full_service=true the services in full." + Doc)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("organizations/{id}", OrganizationAsync).WithName("HsdsOrganization")
            .WithSummary("An organisation, fully nested, with its published services (in full with full_service=true)." + Doc)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("service_at_locations", ServiceAtLocationsAsync).WithName("HsdsServiceAtLocations")
            .WithSummary("Published services at their places, by service last change then id; the services' filters, plus postcode (an "
                + "address's postal code) or postcode and proximity (metres from that postcode's centre, up to 100 km)." + Doc)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("service_at_locations/{id}", ServiceAtLocationAsync).WithName("HsdsServiceAtLocation")
            .WithSummary("A published service at a place, with the place, phones, contacts and hours." + Doc)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("taxonomies", TaxonomiesAsync).WithName("HsdsTaxonomies")
            .WithSummary("The taxonomies (Village's categories and publics, and any imported), by name then id." + Doc)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("taxonomies/{id}", TaxonomyAsync).WithName("HsdsTaxonomy")
            .WithSummary("A taxonomy." + Doc).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("taxonomy_terms", TermsAsync).WithName("HsdsTaxonomyTerms")
            .WithSummary("Taxonomy terms by name then id; taxonomy_id, parent_id and top_only (terms without a parent) filter." + Doc)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("taxonomy_terms/{id}", TermAsync).WithName("HsdsTaxonomyTerm")
            .WithSummary("A taxonomy term with its taxonomy." + Doc).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ServicesAsync(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage,
        [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId, [FromQuery(Name = "taxonomy_id")] string? taxonomyId,
        [FromQuery(Name = "organization_id")] string? organizationId, [FromQuery(Name = "modified_after")] string? modifiedAfter,
        string? minimal, string? full, VillageDb db, HsdsWriter writer, CancellationToken cancellation)
    {
        var args = new Arguments();
        var paging = args.Paging(page, perPage);
        var filter = args.Filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter);
        var isMinimal = args.Bool("minimal", minimal);
        var isFull = args.Bool("full", full);
        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var services = Filter(db, HsdsWriter.Published(db), filter);
        var total = await services.CountAsync(cancellation);
        var ordered = services.OrderBy(s => s.LastModified).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PerPage);
        IReadOnlyList<HsdsService> contents;
        if (isMinimal)
        {
            var rows = await ordered.Select(s => new { s.Id, s.Name, s.Status, s.LastModified }).ToListAsync(cancellation);
            contents = [.. rows.Select(r => HsdsWriter.Minimal(r.Id, r.Name, r.Status, r.LastModified))];
        }
        else
        {
            contents = await writer.ServicesAsync(await ordered.Select(s => s.Id).ToListAsync(cancellation), isFull, cancellation);
        }

        return Json(paging.Page(total, contents));
    }

    private static async Task<IResult> ServiceAsync(string id, HsdsWriter writer, CancellationToken cancellation)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return BadId();
        }

        var found = await writer.ServicesAsync([key], full: true, cancellation);
        return found.Count == 0 ? NotFound("service") : Json(found[0]);
    }

    private static async Task<IResult> OrganizationsAsync(
        string? search, [FromQuery(Name = "full_service")] string? fullService, string? full, string? page,
        [FromQuery(Name = "per_page")] string? perPage, VillageDb db, HsdsWriter writer, CancellationToken cancellation)
    {
        var args = new Arguments();
        var paging = args.Paging(page, perPage);
        var text = args.Search(search);
        var isFull = args.Bool("full", full);
        var isFullService = args.Bool("full_service", fullService);
        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var organizations = HsdsWriter.PublicOrganizations(db);
        if (text is not null)
        {
            organizations = organizations.Where(o => o.Name.ToLower().Contains(text) || o.Description.ToLower().Contains(text));
        }

        var total = await organizations.CountAsync(cancellation);
        var ids = await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PerPage).Select(o => o.Id)
            .ToListAsync(cancellation);
        return Json(paging.Page(total, await writer.OrganizationsAsync(ids, isFull, isFullService, cancellation)));
    }

    private static async Task<IResult> OrganizationAsync(
        string id, [FromQuery(Name = "full_service")] string? fullService, HsdsWriter writer, CancellationToken cancellation)
    {
        var args = new Arguments();
        var isFullService = args.Bool("full_service", fullService);
        if (!Guid.TryParse(id, out var key))
        {
            return BadId();
        }

        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var found = await writer.OrganizationsAsync([key], full: true, isFullService, cancellation);
        return found.Count == 0 ? NotFound("organization") : Json(found[0]);
    }

    private static async Task<IResult> ServiceAtLocationsAsync(
        string? search, [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId, [FromQuery(Name = "taxonomy_id")] string? taxonomyId,
        [FromQuery(Name = "organization_id")] string? organizationId, [FromQuery(Name = "modified_after")] string? modifiedAfter,
        string? full, string? page, [FromQuery(Name = "per_page")] string? perPage, string? postcode, string? proximity,
        VillageDb db, HsdsWriter writer, Gazetteer gazetteer, CancellationToken cancellation)
    {
        var args = new Arguments();
        var paging = args.Paging(page, perPage);
        var filter = args.Filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter);
        var isFull = args.Bool("full", full);
        var code = args.Postcode(postcode);
        var metres = args.Proximity(proximity, code);
        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var services = Filter(db, HsdsWriter.Published(db), filter);
        var rows = db.ServiceAtLocations.AsNoTracking().Join(services, x => x.ServiceId, s => s.Id, (x, s) => new { At = x, s.LastModified });
        if (code is not null && metres is double radius)
        {
            if (await CentreAsync(db, gazetteer, code, cancellation) is not var (latitude, longitude))
            {
                return Problem(StatusCodes.Status400BadRequest, $"The postcode {code} is not one this directory can place: use postcode alone.");
            }

            // A box first (an index-friendly filter in SQL), then the exact distance.
            var degrees = radius / 111_320d;
            var wide = degrees / Math.Max(0.1, Math.Cos(latitude * Math.PI / 180));
            var near = await rows.Join(db.Locations, r => r.At.LocationId, l => l.Id, (r, l) => new { r.At.Id, r.LastModified, l.Latitude, l.Longitude })
                .Where(r => r.Latitude >= latitude - degrees && r.Latitude <= latitude + degrees
                    && r.Longitude >= longitude - wide && r.Longitude <= longitude + wide)
                .ToListAsync(cancellation);
            var within = near.Where(r => Coordinates.DistanceKm(latitude, longitude, r.Latitude!.Value, r.Longitude!.Value) * 1000 <= radius)
                .OrderBy(r => r.LastModified).ThenBy(r => r.Id).ToList();
            var pageIds = within.Skip(paging.Skip).Take(paging.PerPage).Select(r => r.Id).ToList();
            return Json(paging.Page(within.Count, await writer.ServiceAtLocationsAsync(pageIds, isFull, cancellation)));
        }

        if (code is not null)
        {
            rows = rows.Where(r => db.Addresses.Any(a => a.LocationId == r.At.LocationId && a.PostalCode == code));
        }

        var total = await rows.CountAsync(cancellation);
        var ids = await rows.OrderBy(r => r.LastModified).ThenBy(r => r.At.Id).Skip(paging.Skip).Take(paging.PerPage).Select(r => r.At.Id)
            .ToListAsync(cancellation);
        return Json(paging.Page(total, await writer.ServiceAtLocationsAsync(ids, isFull, cancellation)));
    }

    private static async Task<IResult> ServiceAtLocationAsync(string id, HsdsWriter writer, CancellationToken cancellation)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return BadId();
        }

        var found = await writer.ServiceAtLocationsAsync([key], full: true, cancellation);
        return found.Count == 0 ? NotFound("service_at_location") : Json(found[0]);
    }

    private static async Task<IResult> TaxonomiesAsync(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage, VillageDb db, CancellationToken cancellation)
    {
        var args = new Arguments();
        var paging = args.Paging(page, perPage);
        var text = args.Search(search);
        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var taxonomies = db.Taxonomies.AsNoTracking();
        if (text is not null)
        {
            taxonomies = taxonomies.Where(t => t.Name.ToLower().Contains(text) || t.Description.ToLower().Contains(text));
        }

        var total = await taxonomies.CountAsync(cancellation);
        var contents = await taxonomies.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PerPage).ToListAsync(cancellation);
        return Json(paging.Page(total, [.. contents.Select(HsdsWriter.Taxonomy)]));
    }

    private static async Task<IResult> TaxonomyAsync(string id, VillageDb db, CancellationToken cancellation)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return BadId();
        }

        var found = await db.Taxonomies.AsNoTracking().SingleOrDefaultAsync(t => t.Id == key, cancellation);
        return found is null ? NotFound("taxonomy") : Json(HsdsWriter.Taxonomy(found));
    }

    private static async Task<IResult> TermsAsync(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage, [FromQuery(Name = "taxonomy_id")] string? taxonomyId,
        [FromQuery(Name = "top_only")] string? topOnly, [FromQuery(Name = "parent_id")] string? parentId, VillageDb db, CancellationToken cancellation)
    {
        var args = new Arguments();
        var paging = args.Paging(page, perPage);
        var text = args.Search(search);
        var taxonomy = args.Id("taxonomy_id", taxonomyId);
        var parent = args.Id("parent_id", parentId);
        var top = args.Bool("top_only", topOnly);
        if (args.Problem() is { } problem)
        {
            return problem;
        }

        var terms = db.TaxonomyTerms.AsNoTracking();
        if (text is not null)
        {
            terms = terms.Where(t => t.Name.ToLower().Contains(text) || t.Description.ToLower().Contains(text) || (t.Code != null && t.Code.ToLower().Contains(text)));
        }

        if (taxonomy is Guid taxonomyKey)
        {
            terms = terms.Where(t => t.TaxonomyId == taxonomyKey);
        }

        if (parent is Guid parentKey)
        {
            terms = terms.Where(t => t.ParentId == parentKey);
        }

        if (top)
        {
            terms = terms.Where(t => t.ParentId == null);
        }

        var total = await terms.CountAsync(cancellation);
        var contents = await terms.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PerPage).ToListAsync(cancellation);
        return Json(paging.Page(total, [.. contents.Select(t => HsdsWriter.Term(t))]));
    }

    private static async Task<IResult> TermAsync(string id, VillageDb db, CancellationToken cancellation)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return BadId();
        }

        var found = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Id == key)
            .Select(t => new { Term = t, Taxonomy = db.Taxonomies.FirstOrDefault(x => x.Id == t.TaxonomyId) })
            .SingleOrDefaultAsync(cancellation);
        return found is null ? NotFound("taxonomy_term") : Json(HsdsWriter.Term(found.Term, found.Taxonomy));
    }

    private static IQueryable<Service> Filter(VillageDb db, IQueryable<Service> services, ServiceFilter filter)
    {
        if (filter.Search is { } text)
        {
            services = services.Where(s => s.Name.ToLower().Contains(text) || s.Description.ToLower().Contains(text)
                || db.Organizations.Any(o => o.Id == s.OrganizationId && o.Name.ToLower().Contains(text)));
        }

        if (filter.TermId is Guid term)
        {
            services = services.Where(s => db.ServiceTerms.Any(t => t.ServiceId == s.Id && t.TaxonomyTermId == term));
        }

        if (filter.TaxonomyId is Guid taxonomy)
        {
            services = services.Where(s => db.ServiceTerms.Any(t => t.ServiceId == s.Id
                && db.TaxonomyTerms.Any(x => x.Id == t.TaxonomyTermId && x.TaxonomyId == taxonomy)));
        }

        if (filter.OrganizationId is Guid organization)
        {
            services = services.Where(s => s.OrganizationId == organization);
        }

        if (filter.ModifiedAfter is DateTime after)
        {
            services = services.Where(s => s.LastModified >= after);
        }

        return services;
    }

    /// <summary>A postcode's centre: the town of the gazetteer with that postal code, else the middle of the places of
    /// this directory at that postal code.</summary>
    private static async Task<(double Latitude, double Longitude)?> CentreAsync(
        VillageDb db, Gazetteer gazetteer, string postcode, CancellationToken cancellation)
    {
        if (gazetteer.Search(postcode, Gazetteer.MaxResults).FirstOrDefault(t => t.PostalCode == postcode) is { } town)
        {
            return (town.Latitude, town.Longitude);
        }

        var places = await db.Addresses.AsNoTracking().Where(a => a.PostalCode == postcode)
            .Join(db.Locations, a => a.LocationId, l => l.Id, (a, l) => new { l.Latitude, l.Longitude })
            .Where(l => l.Latitude != null && l.Longitude != null)
            .Take(1000)
            .ToListAsync(cancellation);
        return places.Count == 0 ? null : (places.Average(p => p.Latitude!.Value), places.Average(p => p.Longitude!.Value));
    }

    private static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options);

    private static IResult Problem(int status, string title) => Results.Problem(statusCode: status, title: title);

    private static IResult BadId() => Problem(StatusCodes.Status400BadRequest, "The id must be a UUID.");

    private static IResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, $"No published {what} has this id.");

    private sealed record ApiInfo(string Version, string OpenapiUrl);

    private sealed record ServiceFilter(string? Search, Guid? TermId, Guid? TaxonomyId, Guid? OrganizationId, DateTime? ModifiedAfter);

    private sealed record Paging(int Number, int PerPage)
    {
        public int Skip => (Number - 1) * PerPage;

        public HsdsPage<T> Page<T>(int total, IReadOnlyList<T> contents)
        {
            var pages = (total + PerPage - 1) / PerPage;
            return new HsdsPage<T>
            {
                TotalItems = total,
                TotalPages = pages,
                PageNumber = Number,
                Size = contents.Count,
                FirstPage = Number == 1,
                LastPage = Number >= pages,
                Empty = contents.Count == 0,
                Contents = contents,
            };
        }
    }

    /// <summary>The query's parameters, read by hand so that nonsense is a 400 problem naming each bad one.</summary>
    private sealed class Arguments
    {
        private const int MaxPage = 100_000;
        private const double MaxProximity = 100_000;
        private readonly List<string> errors = [];

        public IResult? Problem() => errors.Count == 0 ? null : HsdsApi.Problem(StatusCodes.Status400BadRequest, string.Join(" ", errors));

        public Paging Paging(string? page, string? perPage) =>
            new(Int("page", page, 1, 1, MaxPage), Int("per_page", perPage, DefaultPerPage, 1, MaxPerPage));

        public ServiceFilter Filter(string? search, string? termId, string? taxonomyId, string? organizationId, string? modifiedAfter) =>
            new(Search(search), Id("taxonomy_term_id", termId), Id("taxonomy_id", taxonomyId), Id("organization_id", organizationId),
                Date("modified_after", modifiedAfter));

        /// <summary>The searched text, lowered (matched case-insensitively), or null for none.</summary>
        public string? Search(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (value.Length > MaxSearchLength)
            {
                errors.Add($"search must be at most {MaxSearchLength} characters.");
                return null;
            }

            return value.Trim().ToLowerInvariant();
        }

        public Guid? Id(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (Guid.TryParse(value, out var id))
            {
                return id;
            }

            errors.Add($"{name} must be a UUID.");
            return null;
        }

        public bool Bool(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            if (bool.TryParse(value, out var result))
            {
                return result;
            }

            errors.Add($"{name} must be true or false.");
            return false;
        }

        public string? Postcode(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (value.Length > 20)
            {
                errors.Add("postcode must be at most 20 characters.");
                return null;
            }

            return value.Trim();
        }

        public double? Proximity(string? value, string? postcode)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) || !double.IsFinite(metres)
                || metres is <= 0 or > MaxProximity)
            {
                errors.Add($"proximity must be a distance in metres, above 0 and at most {MaxProximity:0}.");
                return null;
            }

            if (postcode is null)
            {
                errors.Add("proximity needs a postcode: the distance is measured from its centre.");
            }

            return metres;
        }

        private int Int(string name, string? value, int fallback, int min, int max)
        {
            if (string.IsNullOrEmpty(value))
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            errors.Add($"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }

        private DateTime? Date(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                && value.Length >= 10 && char.IsAsciiDigit(value[0]))
            {
                return date.UtcDateTime;
            }

            errors.Add($"{name} must be an ISO 8601 date or date and time (2026-01-31T09:00:00Z).");
            return null;
        }
    }
}
