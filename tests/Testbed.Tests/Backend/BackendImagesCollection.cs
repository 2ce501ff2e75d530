using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>Tests that boot or run built images share one set of images and run one at a time, so that
/// QEMU instances do not compete for the machine's two cores and timings stay meaningful.</summary>
[CollectionDefinition(Name)]
public sealed class BackendImagesCollection : ICollectionFixture<BuiltImages>
{
    public const string Name = "Backend images";
}
