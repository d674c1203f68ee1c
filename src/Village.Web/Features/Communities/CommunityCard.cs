using System.Linq.Expressions;

namespace Village.Web.Features.Communities;

/// <summary>A community as lists show it.</summary>
public sealed record CommunityCard(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    CommunityKind Kind,
    CommunityTheme? Theme,
    string? TownName,
    double? Latitude,
    double? Longitude,
    int RadiusKm,
    int Members,
    bool IsMember)
{
    public double? DistanceKm { get; init; }

    /// <summary>The start of the description for lists, never cut inside a character.</summary>
    public string Excerpt => Description.Length <= ExcerptLength
        ? Description
        : Description[..(char.IsHighSurrogate(Description[ExcerptLength - 1]) ? ExcerptLength - 1 : ExcerptLength)] + "…";

    private const int ExcerptLength = 160;

    public static Expression<Func<Community, CommunityCard>> Projection(Guid memberId) =>
        c => new CommunityCard(
            c.Id, c.Slug, c.Name, c.Description, c.Kind, c.Theme, c.TownName, c.Latitude, c.Longitude, c.RadiusKm,
            c.Members.Count, c.Members.Any(m => m.MemberId == memberId));
}
