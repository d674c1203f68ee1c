using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Village.Web.Features.Posts;

/// <summary>What a member writes when posting or editing.</summary>
public sealed class PostInput
{
    [Display(Name = "Post.Kind")]
    public PostKind Kind { get; set; }

    [Display(Name = "Post.ItemMode")]
    public ItemMode? ItemMode { get; set; }

    /// <summary>Typed as text: browsers send "2.50" whatever the page's language, people type "2,50".</summary>
    [StringLength(12, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Post.Price")]
    public string? Price { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PostConfiguration.TitleMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Post.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PostConfiguration.BodyMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Post.Body")]
    public string Body { get; set; } = "";

    /// <summary>Checks what attributes cannot: known kinds, announcements for admins, items with their mode.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems(bool isAdmin)
    {
        if (!Enum.IsDefined(Kind) || (ItemMode is { } mode && !Enum.IsDefined(mode)))
        {
            yield return ("Input.Kind", "Validation.InvalidValue");
        }
        else if (Kind == PostKind.Announcement && !isAdmin)
        {
            yield return ("Input.Kind", "Post.AnnouncementsForAdmins");
        }
        else if (Kind == PostKind.Item && ItemMode is null)
        {
            yield return ("Input.ItemMode", "Post.ItemModeRequired");
        }

        if (!string.IsNullOrWhiteSpace(Price) && PriceCents() is null)
        {
            yield return ("Input.Price", "Post.PriceInvalid");
        }
    }

    private int? PriceCents() =>
        decimal.TryParse(Price?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            && price is >= 0 and <= 100_000
            ? (int)Math.Round(price * 100)
            : null;

    public void CopyTo(Post post)
    {
        post.Kind = Kind;
        post.ItemMode = Kind == PostKind.Item ? ItemMode : null;
        post.PriceCents = Kind == PostKind.Item && ItemMode == Posts.ItemMode.Sell ? PriceCents() : null;
        post.Title = Title.Trim();
        post.Body = Body.Trim();
        post.SearchText = Infrastructure.Geo.Gazetteer.Normalize($"{post.Title} {post.Body}");
    }
}
