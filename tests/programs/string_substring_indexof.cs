using System;

// Substring(start), Substring(start, length), IndexOf(char): parsing a comma-separated record and splitting words by hand.
static class Program
{
    static int ParseInt(string s)
    {
        int i = 0, sign = 1, v = 0;
        if (s.Length > 0 && s[0] == '-') { sign = -1; i = 1; }
        for (; i < s.Length; i++) v = v * 10 + (s[i] - '0');
        return sign * v;
    }

    static int Main()
    {
        string record = "alpha,42,-17,beta,2024,,z";
        string rest = record;
        int field = 0, numbers = 0;
        while (true)
        {
            int comma = rest.IndexOf(',');
            string item = comma < 0 ? rest : rest.Substring(0, comma);
            Console.Write(field);
            Console.Write(": [");
            Console.Write(item);
            Console.WriteLine("]");
            if (item.Length > 0 && (item[0] == '-' || (item[0] >= '0' && item[0] <= '9'))) numbers += ParseInt(item);
            field++;
            if (comma < 0) break;
            rest = rest.Substring(comma + 1);
        }
        Console.WriteLine(numbers);

        string path = "/usr/local/lib/testbed/kernel.elf";
        Console.WriteLine(path.IndexOf('/'));
        Console.WriteLine(path.IndexOf('.'));
        Console.WriteLine(path.IndexOf('x'));
        Console.WriteLine(path.IndexOf('Z'));
        string p = path;
        int depth = 0;
        while (p.IndexOf('/') >= 0) { p = p.Substring(p.IndexOf('/') + 1); depth++; Console.WriteLine(p); }
        Console.WriteLine(depth);
        int dot = p.IndexOf('.');
        Console.WriteLine(p.Substring(0, dot));
        Console.WriteLine(p.Substring(dot + 1));

        string s = "0123456789";
        Console.WriteLine(s.Substring(0));
        Console.WriteLine(s.Substring(10));
        Console.WriteLine(s.Substring(10).Length);
        Console.WriteLine(s.Substring(3, 0).Length);
        Console.WriteLine(s.Substring(9, 1));
        for (int i = 0; i < 5; i++) Console.WriteLine(s.Substring(i, 10 - 2 * i));

        // words separated by single spaces
        string sentence = "the cat sat on the mat";
        int words = 0, longest = 0;
        string w = sentence;
        while (w.Length > 0)
        {
            int sp = w.IndexOf(' ');
            string word = sp < 0 ? w : w.Substring(0, sp);
            words++;
            if (word.Length > longest) longest = word.Length;
            w = sp < 0 ? "" : w.Substring(sp + 1);
        }
        Console.WriteLine(words);
        Console.WriteLine(longest);
        return numbers % 256;
    }
}
