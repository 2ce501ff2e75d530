using Testbed.Cli.Commands.TestIr;
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
        return FileCheck.Match(checks, Output, "test.tbir")?.ToString();
    }

    [Fact]
    public void ChecksMatchInOrderAsSubstrings() =>
        Assert.Null(Check("; CHECK: func @f\n; CHECK: add i32\n; CHECK: func @g"));

    [Fact]
    public void AnOutOfOrderCheckFailsAndSaysWhere()
    {
        var failure = Check("; CHECK: func @g\n; CHECK: add i32");
        Assert.NotNull(failure);
        Assert.StartsWith("test.tbir:2: error: CHECK: expected string not found in input\n; CHECK: add i32\n<stdout>:7: note: scanning from here\n     7| func @g() -> void layer app {\n", failure);
    }

    [Fact]
    public void CheckNextMustBeOnTheFollowingLine()
    {
        Assert.Null(Check("; CHECK: bb0(%0: i32):\n; CHECK-NEXT: %1 = add"));
        Assert.StartsWith("test.tbir:2: error: CHECK-NEXT: is not on the line after the previous match\n; CHECK-NEXT: ret %1\n<stdout>:2: note: previous match here; found on line 4 instead\n",
            Check("; CHECK: bb0(%0: i32):\n; CHECK-NEXT: ret %1"));
        Assert.StartsWith("test.tbir:2: error: CHECK-NEXT: expected string not found in input\n; CHECK-NEXT: nowhere\n<stdout>:3: note: scanning from here\n",
            Check("; CHECK: bb0(%0: i32):\n; CHECK-NEXT: nowhere"));
    }

    [Fact]
    public void CheckSameStaysOnTheLine()
    {
        Assert.Null(Check("; CHECK: %1 = add\n; CHECK-SAME: %0, %0"));
        Assert.StartsWith("test.tbir:2: error: CHECK-SAME: is not on the same line as the previous match\n", Check("; CHECK: %1 = add\n; CHECK-SAME: ret"));
    }

    [Fact]
    public void CheckNotLooksOnlyBetweenItsNeighbours()
    {
        Assert.Null(Check("; CHECK: func @f\n; CHECK-NOT: void\n; CHECK: }"));
        Assert.StartsWith("test.tbir:2: error: CHECK-NOT: excluded string found in input\n; CHECK-NOT: add\n<stdout>:3: note: found here\n     3|   %1 = add i32 %0, %0\n",
            Check("; CHECK: func @f\n; CHECK-NOT: add\n; CHECK: ret"));
        // A trailing CHECK-NOT covers the rest of the output.
        Assert.NotNull(Check("; CHECK: func @f\n; CHECK-NOT: func @g"));
    }

    [Fact]
    public void CheckEmptyWantsAnEmptyNextLine()
    {
        Assert.Null(Check("; CHECK: ret %1\n; CHECK-NEXT: }\n; CHECK-EMPTY:\n; CHECK-NEXT: func @g"));
        Assert.StartsWith("test.tbir:2: error: CHECK-EMPTY: is not on the line after the previous match\n; CHECK-EMPTY:\n", Check("; CHECK: ret %1\n; CHECK-EMPTY:"));
        Assert.StartsWith("test.tbir:2: error: CHECK-EMPTY: expected string not found in input\n", Check("; CHECK: func @g\n; CHECK-EMPTY:"));
    }

    [Fact]
    public void RegexesAndVariables()
    {
        Assert.Null(Check("; CHECK: %[[SUM:[0-9]+]] = add\n; CHECK: ret %[[SUM]]"));
        Assert.NotNull(Check("; CHECK: %[[ARG:[0-9]+]] = add\n; CHECK: ret %[[ARG]]0"));
        Assert.Null(Check("; CHECK: func @{{[a-z]+}}(i32)"));
        Assert.Equal("test.tbir:1: error: CHECK: variable [[NOPE]] is used before it is defined\n; CHECK: [[NOPE]]\n", Check("; CHECK: [[NOPE]]"));
    }

    [Fact]
    public void RunsOfSpacesMatchAnyRunOfSpaces() => Assert.Null(Check("; CHECK: %1   =  add    i32"));

    [Fact]
    public void AMisspeltDirectiveIsAnErrorNotASilentPass()
    {
        Assert.Throws<FormatException>(() => FileCheck.Parse("; CHECK-NXT: ret"));
        Assert.Equal("t.tbir:2: error: CHECK: empty pattern", Assert.Throws<FormatException>(() => FileCheck.Parse("; x\n; CHECK:", "t.tbir")).Message);
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
