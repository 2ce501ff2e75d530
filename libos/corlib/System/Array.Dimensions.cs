using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    public abstract unsafe partial class Array : System.Collections.IEnumerable
    {
        /// <summary>
        /// .NET enumerates any array as objects; C# never calls this for arrays (it indexes), and
        /// boxing an element of unknown type needs metadata the image does not carry.
        /// </summary>
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() =>
            throw new NotSupportedException("Enumerating an array as a non-generic IEnumerable is not supported.");

        // Runtime contract, "Object layout": a multi-dimensional array's lengths are ints from offset 16.
        private const int DimensionLengthsOffset = 16;

        private int StoredRank => (int)((TypeDescriptor*)RuntimeHelpers.GetTypeDescriptor(this))->Rank;

        public int Rank => StoredRank == 0 ? 1 : StoredRank;

        public int GetLength(int dimension)
        {
            int rank = StoredRank;
            if (rank == 0)
            {
                if (dimension != 0) throw new IndexOutOfRangeException();
                return Length;
            }
            if ((uint)dimension >= (uint)rank) throw new IndexOutOfRangeException();
            return *(int*)(RuntimeHelpers.GetObjectAddress(this) + DimensionLengthsOffset + 4 * dimension);
        }

        public int GetLowerBound(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) throw new IndexOutOfRangeException();
            return 0;
        }

        public int GetUpperBound(int dimension) => GetLength(dimension) - 1;
    }
}
