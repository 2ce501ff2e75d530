namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Connections by 4-tuple: a chained hash table whose chains run through the sockets themselves
    /// (<see cref="TcpSocket.NextInBucket"/>), so lookups neither allocate nor box a key, and a dense
    /// list of the same sockets for the timer scan. The hash is seeded with a secret so that a peer
    /// cannot aim many connections at one chain.
    /// </summary>
    internal sealed class TcpConnectionTable
    {
        private TcpSocket[] buckets = new TcpSocket[64];
        private TcpSocket[] all = new TcpSocket[64];
        private int count;
        private readonly uint seed;

        public TcpConnectionTable(uint seed)
        {
            this.seed = seed;
        }

        public int Count => count;

        /// <summary>The socket at <paramref name="index"/> in the dense list, for scans (0 .. Count-1).</summary>
        public TcpSocket At(int index) => all[index];

        private uint Hash(uint localAddress, ushort localPort, uint remoteAddress, ushort remotePort)
        {
            uint h = seed ^ remoteAddress;
            h = (h ^ (h >> 16)) * 0x7feb352d;
            h ^= localAddress + (((uint)remotePort << 16) | localPort);
            h = (h ^ (h >> 15)) * 0x846ca68b;
            return h ^ (h >> 16);
        }

        public TcpSocket Find(uint localAddress, ushort localPort, uint remoteAddress, ushort remotePort)
        {
            TcpSocket s = buckets[Hash(localAddress, localPort, remoteAddress, remotePort) & (uint)(buckets.Length - 1)];
            while (s != null)
            {
                if (s.remotePort == remotePort && s.localPort == localPort && s.remoteAddress == remoteAddress && s.localAddress == localAddress)
                    return s;
                s = s.NextInBucket;
            }
            return null;
        }

        public void Add(TcpSocket socket)
        {
            if (count == all.Length)
                Grow();
            uint b = Hash(socket.localAddress, socket.localPort, socket.remoteAddress, socket.remotePort) & (uint)(buckets.Length - 1);
            socket.NextInBucket = buckets[b];
            buckets[b] = socket;
            socket.TableIndex = count;
            all[count++] = socket;
        }

        public void Remove(TcpSocket socket)
        {
            int index = socket.TableIndex;
            if (index < 0)
                return;
            uint b = Hash(socket.localAddress, socket.localPort, socket.remoteAddress, socket.remotePort) & (uint)(buckets.Length - 1);
            TcpSocket previous = null;
            TcpSocket s = buckets[b];
            while (s != null && s != socket)
            {
                previous = s;
                s = s.NextInBucket;
            }
            if (s != null)
            {
                if (previous == null)
                    buckets[b] = s.NextInBucket;
                else
                    previous.NextInBucket = s.NextInBucket;
            }
            socket.NextInBucket = null;
            // Swap-remove: the last socket takes the hole, which keeps a downward scan correct.
            count--;
            TcpSocket last = all[count];
            all[index] = last;
            last.TableIndex = index;
            all[count] = null;
            socket.TableIndex = -1;
        }

        private void Grow()
        {
            var bigger = new TcpSocket[all.Length * 2];
            for (int i = 0; i < count; i++)
                bigger[i] = all[i];
            all = bigger;
            var newBuckets = new TcpSocket[buckets.Length * 2];
            for (int i = 0; i < count; i++)
            {
                TcpSocket s = all[i];
                uint b = Hash(s.localAddress, s.localPort, s.remoteAddress, s.remotePort) & (uint)(newBuckets.Length - 1);
                s.NextInBucket = newBuckets[b];
                newBuckets[b] = s;
            }
            buckets = newBuckets;
        }
    }
}
