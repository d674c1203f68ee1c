using Village.Web.Features.Communities;

namespace Village.Tests.Features.Communities;

public sealed class CommunityCardTests
{
    [Fact]
    public void An_excerpt_never_cuts_an_emoji_in_half()
    {
        var description = new string('a', 159) + "👶 et la suite";

        var excerpt = Card(description).Excerpt;

        Assert.Equal(new string('a', 159) + "…", excerpt);
        Assert.DoesNotContain(excerpt, char.IsSurrogate);
    }

    [Fact]
    public void A_short_description_is_shown_whole()
    {
        Assert.Equal("Entraide à Namur 👶", Card("Entraide à Namur 👶").Excerpt);
    }

    private static CommunityCard Card(string description) =>
        new(Guid.Empty, "slug", "Nom", description, CommunityKind.Themed, CommunityTheme.Other, null, null, null, 10, 0, false);
}
