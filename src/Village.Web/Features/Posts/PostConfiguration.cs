using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Moderation;

namespace Village.Web.Features.Posts;

internal sealed class PostConfiguration :
    IEntityTypeConfiguration<Post>, IEntityTypeConfiguration<Comment>, IEntityTypeConfiguration<PostThanks>
{
    public const int TitleMax = 120;
    public const int BodyMax = 10_000;
    public const int CommentMax = 2_000;

    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("Posts");
        post.Property(p => p.Title).HasMaxLength(TitleMax);
        post.Property(p => p.Body).HasMaxLength(BodyMax);
        post.Property(p => p.ModerationReason).HasMaxLength(ModerationConfiguration.ReasonMax);
        post.HasOne<Community>().WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Cascade);
        post.HasOne<Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // The feed: a community's pinned posts first, then the newest.
        post.HasIndex(p => new { p.CommunityId, p.IsPinned, p.CreatedAt });
        post.HasIndex(p => p.AuthorId);
        // Whether a reader has posts moderators hid in a community (then their feed is their own): a tiny index,
        // since it holds only those posts.
        post.HasIndex(p => new { p.AuthorId, p.CommunityId }, "IX_Posts_AuthorId_CommunityId_Moderated").HasFilter("\"Moderation\" <> 0");
    }

    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.ToTable("Comments");
        comment.Property(c => c.Body).HasMaxLength(CommentMax);
        comment.Property(c => c.ModerationReason).HasMaxLength(ModerationConfiguration.ReasonMax);
        comment.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<Member>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        comment.HasIndex(c => new { c.PostId, c.CreatedAt });
        comment.HasIndex(c => c.AuthorId);
    }

    public void Configure(EntityTypeBuilder<PostThanks> thanks)
    {
        thanks.ToTable("PostThanks");
        thanks.HasKey(t => new { t.PostId, t.MemberId });
        thanks.HasOne<Post>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        thanks.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        thanks.HasIndex(t => t.MemberId);
    }
}
