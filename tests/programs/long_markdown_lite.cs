// A markdown-lite to HTML converter: block parsing with a line state machine (headings, paragraphs,
// unordered and ordered lists, code blocks, block quotes, horizontal rules) and inline parsing
// (emphasis, strong, code spans, links) with HTML escaping; prints the HTML and element counts.
using System;

class Html
{
    char[] buf = new char[256]; int n;
    public int Tags;
    public void Put(char c) { if (n == buf.Length) { var b = new char[n * 2]; for (int i = 0; i < n; i++) b[i] = buf[i]; buf = b; } buf[n++] = c; }
    public void Put(string s) { for (int i = 0; i < s.Length; i++) Put(s[i]); }
    public void Open(string tag) { Put("<" + tag + ">"); Tags++; }
    public void Close(string tag) { Put("</" + tag + ">"); }
    public void Escaped(char c) { switch (c) { case '<': Put("&lt;"); break; case '>': Put("&gt;"); break; case '&': Put("&amp;"); break; case '"': Put("&quot;"); break; default: Put(c); break; } }
    public override string ToString() => new string(buf, 0, n);
}

enum Block { None, Para, Ul, Ol, Code, Quote }

static class Markdown
{
    static bool Starts(string s, string p) => s.Length >= p.Length && s.Substring(0, p.Length) == p;
    static int Find(string s, char c, int from) { for (int i = from; i < s.Length; i++) if (s[i] == c) return i; return -1; }

    public static void Inline(string s, Html h)
    {
        int i = 0; bool em = false, strong = false;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '*' && i + 1 < s.Length && s[i + 1] == '*') { if (strong) h.Close("strong"); else h.Open("strong"); strong = !strong; i += 2; continue; }
            if (c == '*' || c == '_') { if (em) h.Close("em"); else h.Open("em"); em = !em; i++; continue; }
            if (c == '`') { int e = Find(s, '`', i + 1); if (e > 0) { h.Open("code"); for (int k = i + 1; k < e; k++) h.Escaped(s[k]); h.Close("code"); i = e + 1; continue; } }
            if (c == '[')
            {
                int close = Find(s, ']', i); 
                if (close > 0 && close + 1 < s.Length && s[close + 1] == '(')
                {
                    int end = Find(s, ')', close);
                    if (end > 0) { h.Put("<a href=\""); for (int k = close + 2; k < end; k++) h.Escaped(s[k]); h.Put("\">"); h.Tags++; Inline(s.Substring(i + 1, close - i - 1), h); h.Close("a"); i = end + 1; continue; }
                }
            }
            h.Escaped(c); i++;
        }
        if (em) h.Close("em");
        if (strong) h.Close("strong");
    }

    static void End(Block b, Html h)
    {
        switch (b) { case Block.Para: h.Close("p"); break; case Block.Ul: h.Close("ul"); break; case Block.Ol: h.Close("ol"); break; case Block.Code: h.Put("</code>"); h.Close("pre"); break; case Block.Quote: h.Close("blockquote"); break; }
        if (b != Block.None) h.Put('\n');
    }

    public static string Convert(string[] lines, out int blocks)
    {
        var h = new Html(); var state = Block.None; blocks = 0;
        foreach (var raw in lines)
        {
            string line = raw;
            if (state == Block.Code)
            {
                if (Starts(line, "```")) { End(state, h); state = Block.None; continue; }
                for (int k = 0; k < line.Length; k++) h.Escaped(line[k]); h.Put('\n'); continue;
            }
            if (Starts(line, "```")) { End(state, h); h.Open("pre"); h.Put("<code>"); state = Block.Code; blocks++; continue; }
            if (line.Length == 0) { End(state, h); state = Block.None; continue; }
            if (line == "---") { End(state, h); state = Block.None; h.Put("<hr/>\n"); h.Tags++; blocks++; continue; }
            int level = 0; while (level < line.Length && line[level] == '#') level++;
            if (level > 0 && level <= 6 && level < line.Length && line[level] == ' ')
            {
                End(state, h); state = Block.None; blocks++;
                string tag = "h" + level; h.Open(tag); Inline(line.Substring(level + 1), h); h.Close(tag); h.Put('\n'); continue;
            }
            Block want; string body;
            if (Starts(line, "- ") || Starts(line, "* ")) { want = Block.Ul; body = line.Substring(2); }
            else if (line.Length > 2 && char.IsAsciiDigit(line[0]) && line[1] == '.' && line[2] == ' ') { want = Block.Ol; body = line.Substring(3); }
            else if (Starts(line, "> ")) { want = Block.Quote; body = line.Substring(2); }
            else { want = Block.Para; body = line; }
            if (want != state)
            {
                End(state, h); state = want; blocks++;
                h.Open(want == Block.Ul ? "ul" : want == Block.Ol ? "ol" : want == Block.Quote ? "blockquote" : "p");
                if (want == Block.Ul || want == Block.Ol) h.Put('\n');
            }
            else if (want == Block.Para || want == Block.Quote) h.Put(' ');
            if (want == Block.Ul || want == Block.Ol) { h.Open("li"); Inline(body, h); h.Close("li"); h.Put('\n'); }
            else Inline(body, h);
        }
        End(state, h);
        return h.ToString() + "tags=" + h.Tags;
    }
}

static class Program
{
    static int Main()
    {
        string[] doc = {
            "# Testbed *notes*",
            "",
            "A **whole-system** compiler: C# in, `ELF` out.",
            "It runs on [QEMU](https://www.qemu.org) & Linux.",
            "",
            "## Steps",
            "1. Import IL",
            "2. Run *passes* on `SSA`",
            "3. Emit via **LLVM**",
            "- unordered item with <tags>",
            "* another",
            "",
            "> quoted text",
            "> continues _here_",
            "---",
            "```",
            "if (a < b) return \"x\";",
            "```",
            "Unclosed *emphasis and **strong",
        };
        string html = Markdown.Convert(doc, out int blocks);
        Console.WriteLine(html);
        Console.WriteLine("blocks " + blocks + " length " + html.Length);
        int h = 0; for (int i = 0; i < html.Length; i++) h = h * 31 + html[i];
        return (h & 0x7F) + blocks;
    }
}
