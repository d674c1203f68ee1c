using System.Globalization;

namespace Village.Web.Infrastructure.Geo;

/// <summary>Coarse location: every coordinate Village stores or returns is rounded to 0.01 degree (about 1 km).</summary>
public static class Coordinates
{
    public const int Decimals = 2;

    public static double Round(double degrees) => Math.Round(degrees, Decimals, MidpointRounding.AwayFromZero);

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180;

    /// <summary>Reads a position written with invariant decimals, as browsers and APIs send it.</summary>
    public static bool TryParse(string? latitude, string? longitude, out double lat, out double lon)
    {
        lon = 0;
        return double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out lat)
            && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
            && IsValid(lat, lon);
    }

    /// <summary>Distance in kilometres between two points (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return EarthRadiusKm * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }
}
