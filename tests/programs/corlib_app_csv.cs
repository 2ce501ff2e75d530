// A CSV parser (quoted fields, escaped quotes, embedded separators and newlines) feeding typed
// records: int.Parse/TryParse, grouping in a Dictionary of Lists, totals formatted with N2/D4.
using System;
using System.Collections.Generic;
using System.Text;

sealed class Sale
{
    public string Region, Product;
    public int Units;
    public long Cents;
}

static class Program
{
    const string Data = "region,product,units,cents\n" +
        "north,\"Widget, large\",12,1999\n" +
        "south,Gadget,3,24950\n" +
        "north,\"The \"\"best\"\" gizmo\",7,500\n" +
        "east,Widget,x,100\n" +
        "south,\"multi\nline\",1,1\n" +
        "west,Gadget,  40 ,125\n" +
        "east,Doohickey,2,-300\n";

    static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = new List<string>(); }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    static int Main()
    {
        var rows = ParseCsv(Data);
        Console.WriteLine("rows=" + rows.Count + " header=" + string.Join("|", rows[0]));
        var byRegion = new Dictionary<string, List<Sale>>();
        int rejected = 0;
        for (int r = 1; r < rows.Count; r++)
        {
            var f = rows[r];
            if (!int.TryParse(f[2], out int units)) { Console.WriteLine($"line {r}: bad units '{f[2]}'"); rejected++; continue; }
            var sale = new Sale { Region = f[0], Product = f[1], Units = units, Cents = long.Parse(f[3]) };
            if (!byRegion.TryGetValue(sale.Region, out var list)) byRegion[sale.Region] = list = new List<Sale>();
            list.Add(sale);
        }
        long grand = 0;
        foreach (var pair in byRegion)
        {
            long total = 0;
            foreach (Sale s in pair.Value) total += s.Units * s.Cents;
            grand += total;
            Console.WriteLine($"{pair.Key,-6}|{pair.Value.Count:D4}|{total / 100.0}|{total:N0}|{pair.Value[0].Product.Replace("\n", "\\n")}");
        }
        Console.WriteLine(string.Format("grand={0:N2} rejected={1} regions={2}", grand, rejected, byRegion.Count));
        try { int.Parse(rows[4][2]); } catch (FormatException e) { Console.WriteLine(e.Message); }
        return (int)(grand % 251);
    }
}
