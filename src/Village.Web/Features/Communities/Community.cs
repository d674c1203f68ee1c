namespace Village.Web.Features.Communities;

/// <summary>A group of parents: local (an area around a town) or themed (fathers, twins...). Anyone may read its
/// description; what members share stays among members unless its admins open it to parents nearby.</summary>
public sealed class Community
{
    public Guid Id { get; set; }

    /// <summary>The community's address: /communities/{slug}.</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The community's own rules, written by its admins and shown to a parent before they join.</summary>
    public string Rules { get; set; } = "";

    public CommunityKind Kind { get; set; }

    public CommunityTheme? Theme { get; set; }

    /// <summary>The area's main town (gazetteer id and name) and its centre, rounded to 0.01 degree.</summary>
    public string? TownId { get; set; }

    public string? TownName { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>How far around the centre the community reaches, in kilometres.</summary>
    public int RadiusKm { get; set; } = CommunityConfiguration.DefaultRadiusKm;

    public CommunityStatus Status { get; set; }

    /// <summary>The moderator's word to the parent who asked, when declined.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>Whether signed-in parents nearby may read the content without joining (members only by default).</summary>
    public bool OpenToParentsNearby { get; set; }

    public Guid? RequestedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public List<CommunityMember> Members { get; set; } = [];
}

public enum CommunityKind
{
    Local = 0,
    Themed = 1,
}

public enum CommunityTheme
{
    Fathers = 0,
    SingleParents = 1,
    Postpartum = 2,
    Twins = 3,
    Exile = 4,
    Disability = 5,
    Other = 6,
}

public enum CommunityStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
}
