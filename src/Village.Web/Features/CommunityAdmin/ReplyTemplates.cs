using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>The reply templates of a community, for any admin form that offers them (see _ReplyTemplateSelect).</summary>
public sealed class ReplyTemplates(VillageDb db)
{
    public async Task<IReadOnlyList<ReplyTemplate>> ForCommunityAsync(Guid communityId) =>
        await db.ReplyTemplates.AsNoTracking().Where(r => r.CommunityId == communityId)
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .ToListAsync();

    /// <summary>One template of this community; another community's template is not found.</summary>
    public Task<ReplyTemplate?> FindAsync(Guid communityId, Guid id) =>
        db.ReplyTemplates.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.CommunityId == communityId);
}

/// <summary>The model of _ReplyTemplateSelect: the form field's name, the templates, the one chosen if any, and the
/// element's id when one page has several such fields.</summary>
public sealed record ReplyTemplateChoice(string FieldName, IReadOnlyList<ReplyTemplate> Templates, Guid? Selected = null, string? Id = null);
