using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class Xxh3Tests
    {
        [Fact]
        public void MatchesXxHash128ForEveryLengthUpTo300Bytes()
        {
            // Every length class of the specification (0, 1-3, 4-8, 9-16, 17-128, 129-240) and the library's own
            // path beyond 240, each with random bytes, all zeros and all ones.
            var random = new Random(20261129);
            for (int length = 0; length <= 300; length++)
            {
                for (int sample = 0; sample < 20; sample++)
                {
                    byte[] input = new byte[length];
                    if (sample == 1)
                    {
                        input.AsSpan().Fill(0xFF);
                    }
                    else if (sample > 1)
                    {
                        random.NextBytes(input);
                    }

                    AssertSameAsLibrary(input);
                }
            }
        }

        [Fact]
        public void HashesWithoutAllocating()
        {
            // Every ID is hashed once per command: the secret must be static data, not an array per call.
            byte[][] inputs = { new byte[0], new byte[3], new byte[8], new byte[16], new byte[100], new byte[200] };
            Xxh3.Hash128(inputs[5], out _, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            ulong sum = 0;
            for (int i = 0; i < 1_000; i++)
            {
                Xxh3.Hash128(inputs[i % inputs.Length], out ulong high, out ulong low);
                sum += high ^ low;
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.NotEqual(0UL, sum);
        }

        private static void AssertSameAsLibrary(byte[] input)
        {
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(input, hash);
            Xxh3.Hash128(input, out ulong high, out ulong low);
            Assert.True(
                BinaryPrimitives.ReadUInt64BigEndian(hash) == high && BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8)) == low,
                $"length {input.Length}: {high:x16}{low:x16} vs {Convert.ToHexString(hash)}");
        }
    }
}
