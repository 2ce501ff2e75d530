// Enums in switch expressions and patterns: mapping enums to values, relational patterns on enum
// casts, a state machine with an enum state and transitions table, enum arrays as counters and
// enum values printed by name in loops (including an undefined value).
using System;

enum Light { Red, RedAmber, Green, Amber }
enum Suit : byte { Clubs = 1, Diamonds, Hearts, Spades }
enum Event { Tick, Fault, Reset }

static class Program
{
    static Light Next(Light l, Event e) => e switch
    {
        Event.Fault => Light.Amber,
        Event.Reset => Light.Red,
        _ => l switch
        {
            Light.Red => Light.RedAmber,
            Light.RedAmber => Light.Green,
            Light.Green => Light.Amber,
            Light.Amber => Light.Red,
            _ => throw new ArgumentException("bad light"),
        },
    };
    static int Seconds(Light l) => l switch { Light.Red => 30, Light.Green => 25, Light.RedAmber or Light.Amber => 3, _ => 0 };
    static string Colour(Suit s) => (int)s switch { <= 0 => "none", < 3 => "black-ish", < 5 => "red-ish", _ => "unknown" };

    static int Main()
    {
        var l = Light.Red; int total = 0;
        Event[] script = { Event.Tick, Event.Tick, Event.Tick, Event.Fault, Event.Tick, Event.Reset, Event.Tick, Event.Tick };
        var visits = new int[4];
        foreach (var e in script) { l = Next(l, e); visits[(int)l]++; total += Seconds(l); Console.Write(l + "(" + Seconds(l) + ") "); }
        Console.WriteLine();
        for (Light x = Light.Red; x <= Light.Amber; x++) Console.Write(x + ":" + visits[(int)x] + " ");
        Console.WriteLine();
        for (Suit s = 0; s <= (Suit)5; s++) Console.Write(s + "=" + Colour(s) + " ");
        Console.WriteLine();
        return total;
    }
}
