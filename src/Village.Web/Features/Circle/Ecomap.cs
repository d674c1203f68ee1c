using System.Globalization;

namespace Village.Web.Features.Circle;

/// <summary>The picture of a parent's circle (an ecomap), laid out on the server and drawn as inline SVG: the parent in
/// the centre, one ring per closeness, one sector per kind of relation. No script; the page repeats it in words.</summary>
public sealed class Ecomap
{
    public const int Width = 520;
    public const int Height = 470;
    public const double CentreX = Width / 2.0;
    public const double CentreY = 235;

    /// <summary>Names longer than this are cut with an ellipsis in the picture (the list shows them whole).</summary>
    public const int LabelMax = 13;

    public static readonly Sector[] Sectors = [Sector.Family, Sector.Friends, Sector.Neighbours, Sector.Professionals];

    private Ecomap(IReadOnlyList<EcomapDot> dots) => Dots = dots;

    public IReadOnlyList<EcomapDot> Dots { get; }

    public static double Radius(Closeness closeness) => closeness switch
    {
        Closeness.VeryClose => 75,
        Closeness.Close => 135,
        _ => 195,
    };

    public static Sector SectorOf(CircleRelation relation) => relation switch
    {
        CircleRelation.Partner or CircleRelation.Family => Sector.Family,
        CircleRelation.Friend => Sector.Friends,
        CircleRelation.Neighbour or CircleRelation.OtherParent => Sector.Neighbours,
        _ => Sector.Professionals,
    };

    /// <summary>The sector's span in degrees, clockwise from the right (SVG's y points down): family top left,
    /// friends top right, neighbours and other parents bottom right, professionals and services bottom left.</summary>
    public static (double From, double To) Span(Sector sector) => sector switch
    {
        Sector.Family => (180, 270),
        Sector.Friends => (270, 360),
        Sector.Neighbours => (0, 90),
        _ => (90, 180),
    };

    public static Ecomap Of(IEnumerable<CirclePerson> people)
    {
        var dots = new List<EcomapDot>();
        foreach (var group in people.GroupBy(p => (Sector: SectorOf(p.Relation), p.Closeness)))
        {
            var members = group.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
            var (from, to) = Span(group.Key.Sector);
            var radius = Radius(group.Key.Closeness);
            for (var i = 0; i < members.Count; i++)
            {
                // Spread evenly inside the sector, away from its edges (where the next sector's labels sit).
                var angle = (from + ((to - from) * (i + 1) / (members.Count + 1))) * Math.PI / 180;
                var x = CentreX + (radius * Math.Cos(angle));
                var y = CentreY + (radius * Math.Sin(angle));
                dots.Add(new EcomapDot(members[i], Math.Round(x, 1), Math.Round(y, 1), Label(members[i].Name)));
            }
        }

        return new Ecomap(dots);
    }

    /// <summary>A short label: whole characters (not half an emoji), bidirectional text isolated so that a
    /// right-to-left name cannot reorder what follows it.</summary>
    public static string Label(string name)
    {
        var info = new StringInfo(name.Trim());
        var text = info.LengthInTextElements <= LabelMax ? info.String : info.SubstringByTextElements(0, LabelMax - 1).TrimEnd() + "…";
        return $"\u2068{text}\u2069";
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public enum Sector
{
    Family,
    Friends,
    Neighbours,
    Professionals,
}

/// <summary>A person on the picture at (X, Y).</summary>
public sealed record EcomapDot(CirclePerson Person, double X, double Y, string Label)
{
    public bool IsNear => CircleAnalysis.IsNear(Person.LivesWithin);

    /// <summary>Labels go below the dot, or above it in the top half, so they point away from the centre.</summary>
    public double LabelY => Y < Ecomap.CentreY ? Y - 12 : Y + 22;
}
