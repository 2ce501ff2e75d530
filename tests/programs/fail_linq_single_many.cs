// LINQ failure path, unhandled: Single over a filtered sequence with two matches throws
// InvalidOperationException "Sequence contains more than one matching element".
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static int Main()
    {
        var orders = new List<(string Customer, int Total)> { ("ann", 30), ("bob", 12), ("ann", 7) };
        Console.WriteLine(orders.Where(o => o.Total > 10).Count());
        Console.WriteLine(orders.Single(o => o.Customer == "bob").Total);
        return orders.Single(o => o.Customer == "ann").Total;
    }
}
