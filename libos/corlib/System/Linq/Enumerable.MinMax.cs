using System.Collections.Generic;

namespace System.Linq
{
    // Min and Max of int, long, float, double, decimal and their nullable forms. An empty sequence
    // fails for the value types and gives null for the nullable ones, which skip their nulls. NaN is
    // the least double: Min returns the first NaN it meets, Max returns NaN only if all values are.
    public static partial class Enumerable
    {
        public static int Min(this IEnumerable<int> source) => MinMaxValue(source, -1);
        public static int? Min(this IEnumerable<int?> source) => MinMaxNullable(source, -1);
        public static long Min(this IEnumerable<long> source) => MinMaxValue(source, -1);
        public static long? Min(this IEnumerable<long?> source) => MinMaxNullable(source, -1);
        public static decimal Min(this IEnumerable<decimal> source) => MinMaxValue(source, -1);
        public static decimal? Min(this IEnumerable<decimal?> source) => MinMaxNullable(source, -1);
        public static int Max(this IEnumerable<int> source) => MinMaxValue(source, 1);
        public static int? Max(this IEnumerable<int?> source) => MinMaxNullable(source, 1);
        public static long Max(this IEnumerable<long> source) => MinMaxValue(source, 1);
        public static long? Max(this IEnumerable<long?> source) => MinMaxNullable(source, 1);
        public static decimal Max(this IEnumerable<decimal> source) => MinMaxValue(source, 1);
        public static decimal? Max(this IEnumerable<decimal?> source) => MinMaxNullable(source, 1);

        /// <summary>Min for <paramref name="sign"/> -1, Max for +1, keeping the first of equal extremes; CompareTo on T itself, no comparer and no boxing.</summary>
        private static T MinMaxValue<T>(IEnumerable<T> source, int sign) where T : struct, IComparable<T>
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<T> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            T value = e.Current;
            while (e.MoveNext())
            {
                T x = e.Current;
                if (Sign(x.CompareTo(value)) == sign) value = x;
            }
            return value;
        }

        /// <summary>As <see cref="MinMaxValue{T}"/>, skipping nulls; null when there is no value.</summary>
        private static T? MinMaxNullable<T>(IEnumerable<T?> source, int sign) where T : struct, IComparable<T>
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<T?> e = source.GetEnumerator();
            T? value;
            do
            {
                if (!e.MoveNext()) return null;
                value = e.Current;
            }
            while (!value.HasValue);
            T best = value.GetValueOrDefault();
            while (e.MoveNext())
            {
                T? current = e.Current;
                if (current.HasValue && Sign(current.GetValueOrDefault().CompareTo(best)) == sign)
                {
                    best = current.GetValueOrDefault();
                    value = current;
                }
            }
            return value;
        }

        public static float Min(this IEnumerable<float> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<float> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            float value = e.Current;
            if (float.IsNaN(value)) return value;
            while (e.MoveNext())
            {
                float x = e.Current;
                if (x < value) value = x;
                else if (float.IsNaN(x)) return x;
            }
            return value;
        }

        public static float? Min(this IEnumerable<float?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<float?> e = source.GetEnumerator();
            float? value;
            do
            {
                if (!e.MoveNext()) return null;
                value = e.Current;
            }
            while (!value.HasValue);
            float valueVal = value.GetValueOrDefault();
            if (float.IsNaN(valueVal)) return value;
            while (e.MoveNext())
            {
                float? cur = e.Current;
                if (cur.HasValue)
                {
                    float x = cur.GetValueOrDefault();
                    if (x < valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                    else if (float.IsNaN(x))
                    {
                        return cur;
                    }
                }
            }
            return value;
        }

        public static double Min(this IEnumerable<double> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<double> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            double value = e.Current;
            if (double.IsNaN(value)) return value;
            while (e.MoveNext())
            {
                double x = e.Current;
                if (x < value) value = x;
                else if (double.IsNaN(x)) return x;
            }
            return value;
        }

        public static double? Min(this IEnumerable<double?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<double?> e = source.GetEnumerator();
            double? value;
            do
            {
                if (!e.MoveNext()) return null;
                value = e.Current;
            }
            while (!value.HasValue);
            double valueVal = value.GetValueOrDefault();
            if (double.IsNaN(valueVal)) return value;
            while (e.MoveNext())
            {
                double? cur = e.Current;
                if (cur.HasValue)
                {
                    double x = cur.GetValueOrDefault();
                    if (x < valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                    else if (double.IsNaN(x))
                    {
                        return cur;
                    }
                }
            }
            return value;
        }

        public static int Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Min(Select(source, selector));

        public static int? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Min(Select(source, selector));

        public static long Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Min(Select(source, selector));

        public static long? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Min(Select(source, selector));

        public static float Min<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Min(Select(source, selector));

        public static float? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Min(Select(source, selector));

        public static double Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Min(Select(source, selector));

        public static double? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Min(Select(source, selector));

        public static decimal Min<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal> selector) => Min(Select(source, selector));

        public static decimal? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal?> selector) => Min(Select(source, selector));

        public static float Max(this IEnumerable<float> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<float> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            float value = e.Current;
            while (float.IsNaN(value))
            {
                if (!e.MoveNext()) return value;
                value = e.Current;
            }
            while (e.MoveNext())
            {
                float x = e.Current;
                if (x > value) value = x;
            }
            return value;
        }

        public static float? Max(this IEnumerable<float?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<float?> e = source.GetEnumerator();
            float? value;
            do
            {
                if (!e.MoveNext()) return null;
                value = e.Current;
            }
            while (!value.HasValue);
            float valueVal = value.GetValueOrDefault();
            while (float.IsNaN(valueVal))
            {
                if (!e.MoveNext()) return value;
                float? cur = e.Current;
                if (cur.HasValue) valueVal = (value = cur).GetValueOrDefault();
            }
            while (e.MoveNext())
            {
                float? cur = e.Current;
                float x = cur.GetValueOrDefault();
                if (cur.HasValue && x > valueVal)
                {
                    valueVal = x;
                    value = cur;
                }
            }
            return value;
        }

        public static double Max(this IEnumerable<double> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<double> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            double value = e.Current;
            while (double.IsNaN(value))
            {
                if (!e.MoveNext()) return value;
                value = e.Current;
            }
            while (e.MoveNext())
            {
                double x = e.Current;
                if (x > value) value = x;
            }
            return value;
        }

        public static double? Max(this IEnumerable<double?> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            using IEnumerator<double?> e = source.GetEnumerator();
            double? value;
            do
            {
                if (!e.MoveNext()) return null;
                value = e.Current;
            }
            while (!value.HasValue);
            double valueVal = value.GetValueOrDefault();
            while (double.IsNaN(valueVal))
            {
                if (!e.MoveNext()) return value;
                double? cur = e.Current;
                if (cur.HasValue) valueVal = (value = cur).GetValueOrDefault();
            }
            while (e.MoveNext())
            {
                double? cur = e.Current;
                double x = cur.GetValueOrDefault();
                if (cur.HasValue && x > valueVal)
                {
                    valueVal = x;
                    value = cur;
                }
            }
            return value;
        }

        public static int Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Max(Select(source, selector));

        public static int? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Max(Select(source, selector));

        public static long Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Max(Select(source, selector));

        public static long? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Max(Select(source, selector));

        public static float Max<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Max(Select(source, selector));

        public static float? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Max(Select(source, selector));

        public static double Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Max(Select(source, selector));

        public static double? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Max(Select(source, selector));

        public static decimal Max<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal> selector) => Max(Select(source, selector));

        public static decimal? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, decimal?> selector) => Max(Select(source, selector));
    }
}
