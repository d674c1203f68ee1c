namespace Village.Web.Features.Communities;

/// <summary>Which community and which of its sections a page shows, for the sections' navigation.</summary>
public sealed record CommunityNav(string Slug, CommunitySection Current, bool IsAdmin);

public enum CommunitySection
{
    Feed,
    Addresses,
    Ideas,
    Polls,
    Newsletter,

    /// <summary>The reports queue, shown to the community's admins only.</summary>
    Moderation,

    /// <summary>The admin console, shown to the community's admins only.</summary>
    Admin,
}
