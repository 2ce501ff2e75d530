using System;
using System.Globalization;

// CultureInfo as a program that formats and parses culture-invariantly uses it: the invariant culture
// as the provider, the current culture (invariant under InvariantGlobalization), and a named culture
// that the image (like .NET in invariant mode) does not have.
class Program
{
    static int Main()
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("[" + inv.Name + "] " + (CultureInfo.CurrentCulture.Name == "") + " " + inv.Equals(CultureInfo.CurrentCulture));
        double d = double.Parse("3.25", inv);
        int n = int.Parse("-42", NumberStyles.Integer, inv);
        Console.WriteLine(d.ToString(inv) + " " + (d * 2).ToString("F3", inv) + " " + n.ToString(inv) + " " + n.ToString("D5", CultureInfo.CurrentCulture));
        Console.WriteLine(long.TryParse("123456789012", NumberStyles.Integer, inv, out long big) + " " + big);
        Console.WriteLine(string.Format(inv, "{0} and {1:F1}", 7, 2.25));
        Console.WriteLine(((IFormattable)12.5).ToString("F2", inv));
        try
        {
            var fr = new CultureInfo("fr-FR");
            Console.WriteLine("found " + fr.Name);
        }
        catch (CultureNotFoundException e)
        {
            Console.WriteLine("not found: " + e.GetType().Name + " " + e.InvalidCultureName);
        }
        CultureInfo.CurrentCulture = inv;
        Console.WriteLine(CultureInfo.CurrentCulture.Name.Length);
        return (int)(d * 4) + n + 50;
    }
}
