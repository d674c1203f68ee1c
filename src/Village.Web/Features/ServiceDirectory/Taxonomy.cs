namespace Village.Web.Features.ServiceDirectory;

/// <summary>HSDS 3.0 <c>taxonomy</c>: Village's own categories and publics, or one an import brought.</summary>
public sealed class Taxonomy
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Uri { get; set; }

    public string? Version { get; set; }
}

/// <summary>HSDS 3.0 <c>taxonomy_term</c>. Village's own terms are named in French here and translated by their
/// <see cref="Code"/> in the texts (key <c>Directory.Term.{Code}</c>).</summary>
public sealed class TaxonomyTerm
{
    public Guid Id { get; set; }

    public Guid? TaxonomyId { get; set; }

    public string? Code { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid? ParentId { get; set; }

    /// <summary>The taxonomy's name when it has no row of its own (HSDS <c>taxonomy</c>).</summary>
    public string? TaxonomyName { get; set; }

    public string? Language { get; set; }

    public string? TermUri { get; set; }
}

/// <summary>A service classified under a term (an HSDS 3.0 <c>attribute</c> with link_entity "service").</summary>
public sealed class ServiceTerm
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public Guid TaxonomyTermId { get; set; }

    public string? Value { get; set; }
}
