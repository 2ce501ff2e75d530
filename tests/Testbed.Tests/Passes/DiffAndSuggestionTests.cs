using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

public sealed class DiffAndSuggestionTests
{
    [Fact]
    public void EqualTextsHaveNoDiff() => Assert.Equal("", UnifiedDiff.Format("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void AChangeIsShownWithThreeLinesOfContext()
    {
        var before = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n");
        Assert.Equal("""
            --- before
            +++ after
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """, UnifiedDiff.Format(before, after, "before", "after"));
    }

    [Fact]
    public void DistantChangesAreSeparateHunksAndInsertionsAtTheEndCount()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20)) + "\n";
        var after = string.Join("\n", Enumerable.Range(1, 21).Where(i => i != 2)) + "\n";
        var diff = UnifiedDiff.Format(before, after, "a", "b");
        Assert.Contains("@@ -1,5 +1,4 @@\n 1\n-2\n 3\n", diff);
        Assert.Contains("@@ -18,3 +17,4 @@\n 18\n 19\n 20\n+21\n", diff);
    }

    [Theory]
    [InlineData("dce", "dce", 0)]
    [InlineData("dec", "dce", 1)]
    [InlineData("sccp", "scp", 1)]
    [InlineData("abc", "", 3)]
    public void EditDistanceCountsSwapsAsOneEdit(string a, string b, int distance) => Assert.Equal(distance, EditDistance.Between(a, b));

    [Fact]
    public void CloseMatchesAreClosestFirst()
    {
        var names = new[] { "dce", "adce", "sccp", "simplifycfg", "inline" };
        Assert.Equal(new[] { "dce" }, EditDistance.CloseMatches("dc", names));
        Assert.Equal(new[] { "dce", "dce23" }, EditDistance.CloseMatches("dce2", new[] { "adce", "dce23", "dce" }));
        Assert.Equal(new[] { "simplifycfg" }, EditDistance.CloseMatches("simplify", names));
        Assert.Empty(EditDistance.CloseMatches("vectorize", names));
        Assert.Equal("; did you mean 'a', 'b' or 'c'?", EditDistance.Suggestion(new[] { "a", "b", "c" }));
    }
}
