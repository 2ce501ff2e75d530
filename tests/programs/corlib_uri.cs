using System;

// Uri as servers and clients use it: the parts of absolute http URIs, .NET's canonical form (case,
// default ports, dot segments, escaping in AbsoluteUri and not in ToString), relative references
// resolved against a base, TryCreate, the data escaping helpers and the errors for bad strings.
class Program
{
    static void Show(Uri u)
    {
        Console.WriteLine($"{u.Scheme}|{u.Host}|{u.Port}|{u.IsDefaultPort}|{u.Authority}|{u.UserInfo}|{u.AbsolutePath}|{u.Query}|{u.Fragment}|{u.PathAndQuery}");
        Console.WriteLine($"  {u.AbsoluteUri} {u} segments={string.Join(",", u.Segments)}");
    }

    static int Main()
    {
        Show(new Uri("http://example.com"));
        Show(new Uri("HTTP://User:Pw@WWW.Example.COM:8080/a/./b/../c/d.html?x=1&y=two#frag"));
        Show(new Uri("https://example.com:443/path/"));
        Show(new Uri("http://127.0.0.1:6379/"));
        Show(new Uri("http://[::1]:8080/x?q"));
        Show(new Uri("http://h/a b/c%20d?e f=g h"));
        Show(new Uri("http://h/%41%7e%2F%zz"));
        Show(new Uri("http://h/caf\u00e9"));
        Show(new Uri("ftp://files.example.org/pub/file.txt"));
        Show(new Uri("ws://chat:9000"));
        Show(new Uri("mailto:someone@example.com"));
        Show(new Uri("urn:isbn:0451450523"));
        Show(new Uri("file:///etc/hosts"));

        var baseUri = new Uri("http://a/b/c/d;p?q");
        foreach (string r in new[] { "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", "../../../g", "", "https://other/x" })
            Console.WriteLine($"{r} -> {new Uri(baseUri, r)}");

        Console.WriteLine(Uri.TryCreate("http://ok/", UriKind.Absolute, out Uri ok) + " " + ok);
        Console.WriteLine(Uri.TryCreate("not a uri", UriKind.Absolute, out Uri bad) + " " + (bad == null));
        Console.WriteLine(Uri.TryCreate("/relative/path", UriKind.Relative, out Uri rel) + " " + rel + " " + rel.IsAbsoluteUri + " " + rel.OriginalString);
        Console.WriteLine(Uri.TryCreate("http://h:99999/", UriKind.Absolute, out _));
        Console.WriteLine(Uri.TryCreate(new Uri("http://h/a/"), "b?c", out Uri joined) + " " + joined);
        Console.WriteLine(new Uri("http://h/x") == new Uri("HTTP://H/x#other") && new Uri("http://h/x") != new Uri("http://h/y"));
        Console.WriteLine(new Uri("http://h:8080/p?q#f").GetLeftPart(UriPartial.Authority) + " " + new Uri("http://h:8080/p?q#f").GetLeftPart(UriPartial.Path));

        Console.WriteLine(Uri.EscapeDataString("a b&c=d/é~-_.!*'()"));
        Console.WriteLine(Uri.UnescapeDataString("a%20b%26c%3Dd%2F%C3%A9%zz%E2%82"));
        Console.WriteLine(Uri.CheckSchemeName("http") + " " + Uri.CheckSchemeName("1http") + " " + Uri.IsWellFormedUriString("http://h/p", UriKind.Absolute) + " " + Uri.IsWellFormedUriString("http://h/a b", UriKind.Absolute));

        foreach (string s in new[] { "", "no-scheme", "http://", "http://h:port/", "http://bad host/" })
        {
            try { new Uri(s); Console.WriteLine("accepted " + s); }
            catch (UriFormatException e) { Console.WriteLine(e.Message); }
        }
        try { _ = new Uri("/x", UriKind.Relative).Host; }
        catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        return new Uri("http://h:1234/").Port % 256;
    }
}
