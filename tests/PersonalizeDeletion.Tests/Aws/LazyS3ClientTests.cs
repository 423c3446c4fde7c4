using System;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public class LazyS3ClientTests
    {
        [Fact]
        public void Asks_for_the_session_only_at_the_first_S3_call()
        {
            int calls = 0;
            using var s3 = new LazyS3Client(() =>
            {
                calls++;
                throw new InvalidOperationException("the session was asked for");
            });

            Assert.Equal(0, calls);

            Assert.Throws<InvalidOperationException>(() => s3.Inspector(expectedBucketOwner: null));
            Assert.Equal(1, calls);
        }

        [Fact]
        public void Disposing_before_any_S3_call_creates_nothing()
        {
            int calls = 0;
            var s3 = new LazyS3Client(() =>
            {
                calls++;
                throw new InvalidOperationException("the session was asked for");
            });

            s3.Dispose();
            s3.Dispose();

            Assert.Equal(0, calls);
        }
    }
}
