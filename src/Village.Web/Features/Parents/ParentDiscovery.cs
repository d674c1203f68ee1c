using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Parents;

/// <summary>What the parent asks /parents for: within a distance, and optionally a child about their child's age, a
/// language, an interest or a free time.</summary>
public sealed record DiscoveryFilters(int Km, bool SameAge, string? Language, Interest? Interest, Availability? Free, int Page);

/// <summary>A suggested parent as a card shows them: only what they show to the viewer, a rounded distance (never a
/// position), and where the viewer stands with them (a conversation, a hello sent or received).</summary>
public sealed record ParentCard(
    Guid MemberId,
    string DisplayName,
    string? TownName,
    IReadOnlyList<Child> Children,
    IReadOnlyList<string> Languages,
    Interest Interests,
    Availability Availability,
    MatchResult Match,
    Guid? ConversationId,
    bool HelloSent,
    bool HelloReceived);

public sealed record DiscoveryResults(IReadOnlyList<ParentCard> Items, int Total, bool HasNextPage);

/// <summary>Visible parents around the viewer's home, blocked ones (either way) left out, scored by
/// <see cref="MatchScore"/>. Candidates come from a box on the (visible, latitude, longitude) index, at most
/// <see cref="ParentsOptions.CandidatesMax"/>, then are filtered and ranked in memory.</summary>
public sealed class ParentDiscovery(VillageDb db, TimeProvider clock, IOptions<ParentsOptions> options)
{
    public const int PageSize = 20;

    public static readonly int[] Distances = [5, 10, 20, 50];

    public const int DefaultKm = 10;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The viewer's side of the match (everything: it is their own profile) and their home, or null without a position.</summary>
    public async Task<Viewer?> ViewerAsync(Guid viewerId, CancellationToken cancellation = default)
    {
        var profile = await db.Profiles.AsNoTracking().Where(p => p.MemberId == viewerId)
            .Select(p => new
            {
                p.Latitude,
                p.Longitude,
                p.TownName,
                p.Interests,
                p.Availability,
                Children = p.Children.Select(c => new Child { Year = c.Year, Month = c.Month, IsExpected = c.IsExpected }).ToList(),
                Languages = p.Languages.Select(l => l.Code).ToList(),
            })
            .SingleOrDefaultAsync(cancellation);
        return profile is { Latitude: double lat, Longitude: double lon }
            ? new Viewer(viewerId, lat, lon, profile.TownName, new MatchSide(MatchSide.AgesOf(profile.Children, Today), profile.Languages, profile.Interests, profile.Availability))
            : null;
    }

    public async Task<DiscoveryResults> SearchAsync(Viewer viewer, DiscoveryFilters filters, CancellationToken cancellation = default)
    {
        var latDegrees = filters.Km / 111.0;
        var lonDegrees = latDegrees / Math.Max(0.2, Math.Cos(viewer.Latitude * Math.PI / 180));
        var (lat, lon, id) = (viewer.Latitude, viewer.Longitude, viewer.MemberId);
        var candidates = await db.Profiles.AsNoTracking()
            .Where(p => p.VisibleNearby
                && p.Latitude >= lat - latDegrees && p.Latitude <= lat + latDegrees
                && p.Longitude >= lon - lonDegrees && p.Longitude <= lon + lonDegrees
                && p.MemberId != id
                && !db.Blocks.Any(b => (b.BlockerId == id && b.BlockedId == p.MemberId) || (b.BlockerId == p.MemberId && b.BlockedId == id)))
            .OrderBy(p => p.MemberId)
            .Take(options.Value.CandidatesMax)
            .Select(p => new
            {
                p.MemberId,
                p.DisplayName,
                p.TownName,
                Latitude = p.Latitude!.Value,
                Longitude = p.Longitude!.Value,
                p.Interests,
                p.Availability,
                p.ChildrenAudience,
                p.LanguagesAudience,
                p.InterestsAudience,
                Children = p.Children.Select(c => new Child { Year = c.Year, Month = c.Month, IsExpected = c.IsExpected }).ToList(),
                Languages = p.Languages.Select(l => l.Code).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellation);

        var connections = await Connections.OfAsync(db, id, cancellation);
        var sent = (await db.Hellos.Where(h => h.FromId == id).Select(h => h.ToId).ToListAsync(cancellation)).ToHashSet();
        var received = (await db.Hellos.Where(h => h.ToId == id && h.Status == HelloStatus.Waiting).Select(h => h.FromId).ToListAsync(cancellation)).ToHashSet();
        var today = Today;
        var scored = new List<ParentCard>();
        foreach (var c in candidates)
        {
            var distance = Coordinates.DistanceKm(lat, lon, c.Latitude, c.Longitude);
            if (distance > filters.Km)
            {
                continue;
            }

            var connected = connections.ContainsKey(c.MemberId);
            IReadOnlyList<Child> children = Connections.Shows(c.ChildrenAudience, false, connected) ? c.Children : [];
            IReadOnlyList<string> languages = Connections.Shows(c.LanguagesAudience, false, connected) ? c.Languages : [];
            var showsInterests = Connections.Shows(c.InterestsAudience, false, connected);
            var side = new MatchSide(MatchSide.AgesOf(children, today), languages, showsInterests ? c.Interests : Interest.None, showsInterests ? c.Availability : Availability.None);
            var match = MatchScore.Of(viewer.Side, side, distance, filters.Km);
            if ((filters.SameAge && !match.SameAge)
                || (filters.Language is string language && !languages.Contains(language))
                || (filters.Interest is Interest interest && !side.Interests.HasFlag(interest))
                || (filters.Free is Availability free && !side.Availability.HasFlag(free)))
            {
                continue;
            }

            scored.Add(new ParentCard(
                c.MemberId, c.DisplayName, c.TownName, children, languages, side.Interests, side.Availability, match,
                connections.TryGetValue(c.MemberId, out var conversation) ? conversation : null,
                sent.Contains(c.MemberId),
                received.Contains(c.MemberId)));
        }

        var ranked = scored.OrderByDescending(c => c.Match.Score).ThenBy(c => c.Match.DistanceKm).ThenBy(c => c.DisplayName, StringComparer.CurrentCulture).ThenBy(c => c.MemberId).ToList();
        var page = ranked.Skip((filters.Page - 1) * PageSize).Take(PageSize).ToList();
        return new DiscoveryResults(page, ranked.Count, ranked.Count > filters.Page * PageSize);
    }
}

/// <summary>The parent looking: their coarse home and their side of the match.</summary>
public sealed record Viewer(Guid MemberId, double Latitude, double Longitude, string? TownName, MatchSide Side);
