// A custom exception wrapping an inner FormatException escapes Main: the first line of the report
// names the outer exception and its message.
using System;
class ConfigError : Exception { public ConfigError(string m, Exception inner) : base(m, inner) { } }
static class Program
{
    static int ParsePort(string s)
    {
        int v = 0;
        for (int i = 0; i < s.Length; i++) { if (s[i] < '0' || s[i] > '9') throw new FormatException("bad digit '" + s[i] + "'"); v = v * 10 + (s[i] - '0'); }
        return v;
    }
    static int Load(string key, string value)
    {
        try { return ParsePort(value); }
        catch (FormatException e) { throw new ConfigError("invalid value for " + key, e); }
    }
    static int Main()
    {
        string[] keys = { "http", "https", "admin" }, values = { "80", "443", "8o80" };
        int total = 0;
        for (int i = 0; i < keys.Length; i++) { total += Load(keys[i], values[i]); Console.WriteLine(keys[i] + " -> " + total); }
        return total & 0xFF;
    }
}
