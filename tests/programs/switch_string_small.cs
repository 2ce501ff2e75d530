using System;

// Small string switches (compiled as a chain of string equality tests) and string switch expressions.
static class Program
{
    static int Sign(string s)
    {
        switch (s)
        {
            case "plus": return 1;
            case "minus": return -1;
            case "zero": return 0;
            default: return 99;
        }
    }

    static string Opposite(string s)
    {
        return s switch
        {
            "up" => "down",
            "down" => "up",
            "left" => "right",
            "right" => "left",
            _ => "none",
        };
    }

    static int Main()
    {
        string[] inputs = new string[] { "plus", "minus", "zero", "Plus", "", "minus " };
        int acc = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int v = Sign(inputs[i]);
            acc = acc * 10 + v;
            Console.WriteLine(v);
        }
        Console.WriteLine(acc);

        string[] dirs = new string[] { "up", "down", "left", "right", "forward", "UP" };
        for (int i = 0; i < dirs.Length; i++)
        {
            Console.Write(dirs[i]);
            Console.Write(" <-> ");
            Console.WriteLine(Opposite(dirs[i]));
        }

        // the result of one switch feeds another
        string cur = "up";
        for (int i = 0; i < 5; i++)
        {
            cur = Opposite(cur);
            Console.Write(cur);
            Console.Write(" ");
        }
        Console.WriteLine();

        string a = "left";
        string b = "le";
        string c = b + "ft";
        Console.WriteLine(a == c);
        Console.WriteLine(Opposite(c));
        switch (c)
        {
            case "left":
                Console.WriteLine("matched left");
                break;
            default:
                Console.WriteLine("no match");
                break;
        }
        return 42;
    }
}
