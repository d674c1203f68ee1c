using Village.Web.Features.Outings;

namespace Village.Web.Features.Messages;

/// <summary>Message times as parents read them: in local time (Village's parents live in Belgium and France, one
/// time zone), short date and time in the page's language.</summary>
public static class MessageTime
{
    public const string TimeZone = "Europe/Brussels";

    public static string Show(DateTime utc) => OutingSchedule.ToLocal(utc, TimeZone).ToString("g");
}
