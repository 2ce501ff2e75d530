// Switching on strings with patterns: constant cases, `or` patterns, when guards using the string's
// length and first character, null and empty handling, and a command interpreter built on it.
using System;

static class Program
{
    static string Classify(string s) => s switch
    {
        null => "null",
        "" => "empty",
        "yes" or "y" or "true" => "affirmative",
        "no" or "n" or "false" => "negative",
        { Length: 1 } => "single char " + s,
        _ when s[0] == '#' => "comment",
        _ when s.Length > 10 => "long (" + s.Length + ")",
        _ => "word " + s,
    };

    static int Execute(string[] program)
    {
        int acc = 0;
        foreach (var line in program)
        {
            int sp = line.IndexOf(' ');
            string cmd = sp < 0 ? line : line.Substring(0, sp);
            int arg = 0;
            if (sp >= 0) for (int i = sp + 1; i < line.Length; i++) arg = arg * 10 + (line[i] - '0');
            switch (cmd)
            {
                case "add": acc += arg; break;
                case "sub": acc -= arg; break;
                case "mul": case "times": acc *= arg; break;
                case "neg": acc = -acc; break;
                case "print": Console.WriteLine("acc = " + acc); break;
                default: Console.WriteLine("unknown command '" + cmd + "'"); break;
            }
        }
        return acc;
    }

    static int Main()
    {
        string[] inputs = { null, "", "y", "false", "q", "#note", "extraordinarily", "maybe" };
        foreach (var s in inputs) Console.WriteLine(Classify(s));
        int r = Execute(new[] { "add 5", "times 4", "print", "sub 3", "neg", "jump 2", "mul 2", "print" });
        return r & 0xFF;
    }
}
