namespace Village.Web.Resources;

/// <summary>Marker for the shared UI text: Texts.resx is French (the default), Texts.en.resx English.</summary>
public sealed class Texts;
