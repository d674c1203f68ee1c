namespace Village.Web.Features.Communities;

/// <summary>Which community and which of its sections a page shows, for the sections' navigation.</summary>
public sealed record CommunityNav(string Slug, CommunitySection Current, bool IsAdmin);

public enum CommunitySection
{
    Feed,
    Newsletter,
}
