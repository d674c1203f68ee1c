using Village.Web.Features.Circle;

namespace Village.Web.Features.CheckIn;

/// <param name="Route">The tier and next steps (never shown as numbers).</param>
/// <param name="Lines">The crisis and listening lines of the parent's country, on every result.</param>
/// <param name="Nearby">Concrete help near the parent, when the result offers groups or the circle.</param>
/// <param name="Saved">Kept in the private history (with consent) just now.</param>
/// <param name="Reminded">A reminder asked for just now.</param>
/// <param name="TakenAt">For a check-in opened from the history: when it was taken.</param>
public sealed record CheckInResultView(
    CheckInRoute Route,
    CrisisLinesView Lines,
    NearbyHelpView? Nearby,
    bool Saved = false,
    bool Reminded = false,
    DateTime? TakenAt = null);

public static class CheckInPages
{
    /// <summary>Check-in pages are never kept by a browser or a proxy (a shared phone, the Back button).</summary>
    public static void NoStore(this HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, private";
        response.Headers.Pragma = "no-cache";
    }
}
