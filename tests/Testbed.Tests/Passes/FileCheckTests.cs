using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>The matcher behind every pass test must fail when it should, or those tests prove nothing.</summary>
public sealed class FileCheckTests
{
    private const string Output = """
        func @f(i32) -> i32 layer app {
        bb0(%0: i32):
          %1 = add i32 %0, %0
          ret %1
        }

        func @g() -> void layer app {
        bb0:
          ret
        }
        """;

    private static string? Check(string directives)
    {
        var (checks, _) = FileCheck.Parse(directives);
        return FileCheck.Match(checks, Output, "test.tbir");
    }

    [Fact]
    public void ChecksMatchInOrderAsSubstrings() =>
        Assert.Null(Check("; CHECK: func @f\n; CHECK: add i32\n; CHECK: func @g"));

    [Fact]
    public void AnOutOfOrderCheckFailsAndSaysWhere()
    {
        var failure = Check("; CHECK: func @g\n; CHECK: add i32");
        Assert.NotNull(failure);
        Assert.StartsWith("test.tbir:2: CHECK: expected string not found: add i32", failure);
    }

    [Fact]
    public void CheckNextMustBeOnTheFollowingLine()
    {
        Assert.Null(Check("; CHECK: bb0(%0: i32):\n; CHECK-NEXT: %1 = add"));
        Assert.Contains("CHECK-NEXT: not found on the next line", Check("; CHECK: bb0(%0: i32):\n; CHECK-NEXT: ret %1"));
    }

    [Fact]
    public void CheckSameStaysOnTheLine()
    {
        Assert.Null(Check("; CHECK: %1 = add\n; CHECK-SAME: %0, %0"));
        Assert.NotNull(Check("; CHECK: %1 = add\n; CHECK-SAME: ret"));
    }

    [Fact]
    public void CheckNotLooksOnlyBetweenItsNeighbours()
    {
        Assert.Null(Check("; CHECK: func @f\n; CHECK-NOT: void\n; CHECK: }"));
        Assert.Contains("CHECK-NOT: excluded string found: add", Check("; CHECK: func @f\n; CHECK-NOT: add\n; CHECK: ret"));
        // A trailing CHECK-NOT covers the rest of the output.
        Assert.NotNull(Check("; CHECK: func @f\n; CHECK-NOT: func @g"));
    }

    [Fact]
    public void CheckEmptyWantsAnEmptyNextLine()
    {
        Assert.Null(Check("; CHECK: ret %1\n; CHECK-NEXT: }\n; CHECK-EMPTY:\n; CHECK-NEXT: func @g"));
        Assert.NotNull(Check("; CHECK: ret %1\n; CHECK-EMPTY:"));
    }

    [Fact]
    public void RegexesAndVariables()
    {
        Assert.Null(Check("; CHECK: %[[SUM:[0-9]+]] = add\n; CHECK: ret %[[SUM]]"));
        Assert.NotNull(Check("; CHECK: %[[ARG:[0-9]+]] = add\n; CHECK: ret %[[ARG]]0"));
        Assert.Null(Check("; CHECK: func @{{[a-z]+}}(i32)"));
        Assert.Contains("used before it is defined", Check("; CHECK: [[NOPE]]"));
    }

    [Fact]
    public void RunsOfSpacesMatchAnyRunOfSpaces() => Assert.Null(Check("; CHECK: %1   =  add    i32"));

    [Fact]
    public void AMisspeltDirectiveIsAnErrorNotASilentPass()
    {
        Assert.Throws<FormatException>(() => FileCheck.Parse("; CHECK-NXT: ret"));
        Assert.Throws<FormatException>(() => FileCheck.Parse("; CHECK:"));
    }

    [Fact]
    public void ErrorLinesAreSeparate()
    {
        var (checks, errors) = FileCheck.Parse("; CHECK: a\n; ERROR: TB5002\n; ERROR-NEXT: caret");
        Assert.Single(checks);
        Assert.Equal(2, errors.Count);
        Assert.Equal(FileCheck.Kind.Next, errors[1].Kind);
    }
}
