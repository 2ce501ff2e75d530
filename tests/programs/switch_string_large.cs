using System;

// switch on string with many cases: Roslyn computes a string hash (or length/char dispatch) then compares with string equality.
static class Program
{
    static int Keyword(string s)
    {
        switch (s)
        {
            case "if": return 1;
            case "else": return 2;
            case "while": return 3;
            case "for": return 4;
            case "return": return 5;
            case "switch": return 6;
            case "case": return 7;
            case "break": return 8;
            case "continue": return 9;
            case "goto": return 10;
            case "static": return 11;
            case "struct": return 12;
            case "int": return 13;
            case "long": return 14;
            case "": return 15;
            case "café": return 16;
            case "中文": return 17;
            default: return 0;
        }
    }

    static string Translate(string color)
    {
        switch (color)
        {
            case "red": return "rot";
            case "green": return "grün";
            case "blue": return "blau";
            case "yellow": return "gelb";
            case "black": return "schwarz";
            case "white": return "weiß";
            case "orange": return "orange";
            case "purple": return "lila";
            case "brown": return "braun";
            case "grey":
            case "gray": return "grau";
            default: return "?";
        }
    }

    static int Main()
    {
        string[] words = new string[] { "if", "else", "elsewhere", "while", "for", "fo", "return", "switch", "case", "Case",
                                        "break", "continue", "goto", "static", "struct", "int", "long", "", "café", "cafe", "中文", "stat" };
        int sum = 0;
        for (int i = 0; i < words.Length; i++)
        {
            int k = Keyword(words[i]);
            sum = sum * 3 + k;
            Console.Write(words[i]);
            Console.Write(" => ");
            Console.WriteLine(k);
        }
        Console.WriteLine(sum);

        string[] colors = new string[] { "red", "green", "blue", "yellow", "black", "white", "orange", "purple", "brown", "grey", "gray", "pink", "RED" };
        for (int i = 0; i < colors.Length; i++)
        {
            Console.Write(colors[i]);
            Console.Write(" -> ");
            Console.WriteLine(Translate(colors[i]));
        }

        // strings built at runtime must still match
        string built = "con" + "tin" + "ue";
        string part = "sta";
        string built2 = part + "tic";
        Console.WriteLine(Keyword(built));
        Console.WriteLine(Keyword(built2));
        Console.WriteLine(Keyword("whilex".Substring(0, 5)));
        return (sum & 0xFF) == 0 ? 1 : sum & 0xFF;
    }
}
