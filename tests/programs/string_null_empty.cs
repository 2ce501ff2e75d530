#nullable disable
using System;

// string.IsNullOrEmpty, comparison against null, empty strings produced by Substring and concatenation.
static class Program
{
    static string s_unset = Pick(0);
    static string s_set = "set";

    static string Pick(int i)
    {
        if (i == 1) return "one";
        if (i == 2) return "";
        return null;
    }

    static int Main()
    {
        Console.WriteLine(string.IsNullOrEmpty(null));
        Console.WriteLine(string.IsNullOrEmpty(""));
        Console.WriteLine(string.IsNullOrEmpty(" "));
        Console.WriteLine(string.IsNullOrEmpty("x"));
        Console.WriteLine(string.IsNullOrEmpty(s_unset));
        Console.WriteLine(string.IsNullOrEmpty(s_set));
        Console.WriteLine(s_unset == null);
        Console.WriteLine(s_set == null);
        Console.WriteLine(s_set != null);

        int score = 0;
        for (int i = 0; i < 4; i++)
        {
            string v = Pick(i);
            bool isNull = v == null;
            bool nullOrEmpty = string.IsNullOrEmpty(v);
            Console.Write(i);
            Console.Write(" null=");
            Console.Write(isNull);
            Console.Write(" nullOrEmpty=");
            Console.WriteLine(nullOrEmpty);
            if (!nullOrEmpty) score += v.Length * 10;
            if (isNull) score += 1;
        }
        Console.WriteLine(score);

        string abc = "abc";
        string sub = abc.Substring(3);
        Console.WriteLine(string.IsNullOrEmpty(sub));
        Console.WriteLine(sub == "");
        Console.WriteLine(sub.Length);
        string joined = sub + sub;
        Console.WriteLine(string.IsNullOrEmpty(joined));
        string withNull = abc + s_unset;          // null concatenates as empty
        Console.WriteLine(withNull);
        Console.WriteLine(withNull == abc);
        string bothNull = s_unset + s_unset;
        Console.WriteLine(bothNull == "");
        Console.WriteLine(string.IsNullOrEmpty(bothNull));
        Console.WriteLine(s_unset == Pick(3));
        return score + 3;
    }
}
