// A small text-template engine: {{name}} placeholders, {{name:format}} with numeric formats,
// {{#each list}} loops, escaping, built with IndexOf/Substring/StringBuilder over a Dictionary.
using System;
using System.Collections.Generic;
using System.Text;

static class Program
{
    static string Render(string template, Dictionary<string, object> model)
    {
        var sb = new StringBuilder();
        int pos = 0;
        while (true)
        {
            int open = template.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0) { sb.Append(template, pos, template.Length - pos); break; }
            sb.Append(template, pos, open - pos);
            int close = template.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0) throw new FormatException("unclosed tag at " + open);
            string tag = template.Substring(open + 2, close - open - 2).Trim();
            pos = close + 2;
            if (tag.StartsWith("#each "))
            {
                int end = template.IndexOf("{{/each}}", pos, StringComparison.Ordinal);
                string body = template.Substring(pos, end - pos);
                var items = (List<Dictionary<string, object>>)model[tag.Substring(6).Trim()];
                for (int i = 0; i < items.Count; i++)
                {
                    items[i]["@index"] = i + 1;
                    sb.Append(Render(body, items[i]));
                }
                pos = end + "{{/each}}".Length;
                continue;
            }
            string[] parts = tag.Split(':', 2);
            if (!model.TryGetValue(parts[0], out object value)) { sb.Append("[missing ").Append(parts[0]).Append(']'); continue; }
            string text = parts.Length == 2 && value is IFormattable f ? f.ToString(parts[1], null) : value?.ToString();
            sb.Append(text?.Replace("<", "&lt;").Replace(">", "&gt;"));
        }
        return sb.ToString();
    }

    static int Main()
    {
        var model = new Dictionary<string, object>
        {
            ["title"] = "Order <42>",
            ["total"] = 1234567.891,
            ["count"] = 3,
            ["lines"] = new List<Dictionary<string, object>>
            {
                new Dictionary<string, object> { ["sku"] = "A-1", ["qty"] = 2, ["price"] = 9.5 },
                new Dictionary<string, object> { ["sku"] = "B-22", ["qty"] = 10, ["price"] = 0.125 },
                new Dictionary<string, object> { ["sku"] = "C-333", ["qty"] = 1, ["price"] = 1000.0 },
            },
        };
        string template = "# {{ title }}\n{{#each lines}}{{@index}}. {{sku}} x{{qty:D3}} @ {{price:F2}}\n{{/each}}Total: {{total:N2}} ({{count}} lines, {{missing}})\n";
        string output = Render(template, model);
        Console.Write(output);
        int checksum = 0;
        foreach (char c in output) checksum = checksum * 31 + c;
        Console.WriteLine(output.Length + " " + checksum);
        try { Render("{{oops", model); } catch (FormatException e) { Console.WriteLine(e.Message); }
        return checksum & 0xFF;
    }
}
