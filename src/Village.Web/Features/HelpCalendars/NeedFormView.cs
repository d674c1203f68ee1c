namespace Village.Web.Features.HelpCalendars;

/// <summary>What the need form (<c>_NeedForm</c>) shows: the input, and where "back" goes.</summary>
public sealed record NeedFormView(HelpNeedInput Input, string CancelUrl);
