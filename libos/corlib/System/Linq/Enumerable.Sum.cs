using System.Collections.Generic;

namespace System.Linq
{
    // Sum and Average of int, long, float, double, decimal and their nullable forms. int and long sums
    // are checked (OverflowException); float is summed in double, as .NET does; Average of an empty
    // sequence fails, of one without non-null values is null. The selector forms project with Select.
    public static partial class Enumerable
    {
        public static int Sum(this IEnumerable<int> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            int sum = 0;
            foreach (int value in source) checked { sum += value; }
            return sum;
        }

        public static int? Sum(this IEnumerable<int?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            int sum = 0;
            foreach (int? item in source)
            {
                if (item.HasValue)
                {
                    int value = item.GetValueOrDefault();
                    checked { sum += value; }
                }
            }
            return sum;
        }

        public static int Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Sum(Select(source, selector));

        public static int? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Sum(Select(source, selector));

        public static long Sum(this IEnumerable<long> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            long sum = 0;
            foreach (long value in source) checked { sum += value; }
            return sum;
        }

        public static long? Sum(this IEnumerable<long?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            long sum = 0;
            foreach (long? item in source)
            {
                if (item.HasValue)
                {
                    long value = item.GetValueOrDefault();
                    checked { sum += value; }
                }
            }
            return sum;
        }

        public static long Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Sum(Select(source, selector));

        public static long? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Sum(Select(source, selector));

        public static float Sum(this IEnumerable<float> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            foreach (float value in source) sum += value;
            return (float)sum;
        }

        public static float? Sum(this IEnumerable<float?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            foreach (float? item in source)
            {
                if (item.HasValue)
                {
                    float value = item.GetValueOrDefault();
                    sum += value;
                }
            }
            return (float)sum;
        }

        public static float Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Sum(Select(source, selector));

        public static float? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Sum(Select(source, selector));

        public static double Sum(this IEnumerable<double> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            foreach (double value in source) sum += value;
            return sum;
        }

        public static double? Sum(this IEnumerable<double?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            foreach (double? item in source)
            {
                if (item.HasValue)
                {
                    double value = item.GetValueOrDefault();
                    sum += value;
                }
            }
            return sum;
        }

        public static double Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Sum(Select(source, selector));

        public static double? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Sum(Select(source, selector));

        public static decimal Sum(this IEnumerable<decimal> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            decimal sum = 0;
            foreach (decimal value in source) sum += value;
            return sum;
        }

        public static decimal? Sum(this IEnumerable<decimal?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            decimal sum = 0;
            foreach (decimal? item in source)
            {
                if (item.HasValue)
                {
                    decimal value = item.GetValueOrDefault();
                    sum += value;
                }
            }
            return sum;
        }

        public static decimal Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal> selector) => Sum(Select(source, selector));

        public static decimal? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal?> selector) => Sum(Select(source, selector));

        public static double Average(this IEnumerable<int> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<int> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            long sum = e.Current;
            long count = 1;
            while (e.MoveNext())
            {
                int value = e.Current;
                checked { sum += value; }
                count++;
            }
            return (double)sum / count;
        }

        public static double? Average(this IEnumerable<int?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            long sum = 0;
            long count = 0;
            foreach (int? item in source)
            {
                if (item.HasValue)
                {
                    int value = item.GetValueOrDefault();
                    checked { sum += value; }
                    count++;
                }
            }
            if (count == 0) return null;
            return (double)sum / count;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Average(Select(source, selector));

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Average(Select(source, selector));

        public static double Average(this IEnumerable<long> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<long> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            long sum = e.Current;
            long count = 1;
            while (e.MoveNext())
            {
                long value = e.Current;
                checked { sum += value; }
                count++;
            }
            return (double)sum / count;
        }

        public static double? Average(this IEnumerable<long?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            long sum = 0;
            long count = 0;
            foreach (long? item in source)
            {
                if (item.HasValue)
                {
                    long value = item.GetValueOrDefault();
                    checked { sum += value; }
                    count++;
                }
            }
            if (count == 0) return null;
            return (double)sum / count;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Average(Select(source, selector));

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Average(Select(source, selector));

        public static float Average(this IEnumerable<float> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<float> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            double sum = e.Current;
            long count = 1;
            while (e.MoveNext())
            {
                float value = e.Current;
                sum += value;
                count++;
            }
            return (float)(sum / count);
        }

        public static float? Average(this IEnumerable<float?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            long count = 0;
            foreach (float? item in source)
            {
                if (item.HasValue)
                {
                    float value = item.GetValueOrDefault();
                    sum += value;
                    count++;
                }
            }
            if (count == 0) return null;
            return (float)(sum / count);
        }

        public static float Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Average(Select(source, selector));

        public static float? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Average(Select(source, selector));

        public static double Average(this IEnumerable<double> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<double> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            double sum = e.Current;
            long count = 1;
            while (e.MoveNext())
            {
                double value = e.Current;
                sum += value;
                count++;
            }
            return sum / count;
        }

        public static double? Average(this IEnumerable<double?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            double sum = 0;
            long count = 0;
            foreach (double? item in source)
            {
                if (item.HasValue)
                {
                    double value = item.GetValueOrDefault();
                    sum += value;
                    count++;
                }
            }
            if (count == 0) return null;
            return sum / count;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Average(Select(source, selector));

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Average(Select(source, selector));

        public static decimal Average(this IEnumerable<decimal> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<decimal> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            decimal sum = e.Current;
            long count = 1;
            while (e.MoveNext())
            {
                decimal value = e.Current;
                sum += value;
                count++;
            }
            return sum / count;
        }

        public static decimal? Average(this IEnumerable<decimal?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            decimal sum = 0;
            long count = 0;
            foreach (decimal? item in source)
            {
                if (item.HasValue)
                {
                    decimal value = item.GetValueOrDefault();
                    sum += value;
                    count++;
                }
            }
            if (count == 0) return null;
            return sum / count;
        }

        public static decimal Average<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal> selector) => Average(Select(source, selector));

        public static decimal? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal?> selector) => Average(Select(source, selector));
    }
}
