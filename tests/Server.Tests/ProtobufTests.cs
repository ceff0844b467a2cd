using System.Text;
using System.Text.Json.Nodes;
using Playground.Server.KubeApi.Protobuf;

namespace Playground.Server.Tests;

/// <summary>The protobuf request-body decoder, on bodies captured from real kubectl v1.32 and on bodies built by a tiny test encoder.</summary>
public sealed class ProtobufTests
{
    // `kubectl create deployment web --image=nginx`, as kubectl v1.32 sent it (its own request body for our object).
    private const string KubectlDeployment =
        "6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ab010a1f0a0377656212001a0022002a003200380042005a0a0a036170701203776562127a0801120c0a0a0a0361707012037765621a600a1c0a0012001a0022002a003200380042005a0a0a036170701203776562124012220a056e67696e7812056e67696e782a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200";

    // `kubectl create secret generic s1 --from-literal=k=v`.
    private const string KubectlSecret = "6b3873000a0c0a0276311206536563726574121e0a120a02733112001a0022002a0032003800420012060a016b1201761a001a002200";

    // `kubectl create poddisruptionbudget pdb1 --selector=app=web --min-available=1`.
    private const string KubectlPodDisruptionBudget =
        "6b3873000a200a09706f6c6963792f76311213506f6444697372757074696f6e427564676574123a0a140a047064623112001a0022002a0032003800420012160a06080010011a00120c0a0a0a0361707012037765621a0a080018002000280030001a002200";

    [Fact]
    public void A_deployment_from_kubectl_becomes_the_json_kubectl_would_have_sent()
    {
        var json = ProtobufBody.ToJson(Convert.FromHexString(KubectlDeployment));

        Assert.Equal("apps/v1", (string?)json["apiVersion"]);
        Assert.Equal("Deployment", (string?)json["kind"]);
        Assert.Equal("web", (string?)json["metadata"]!["name"]);
        Assert.Equal("web", (string?)json["metadata"]!["labels"]!["app"]);
        Assert.Equal(1, (int?)json["spec"]!["replicas"]);
        Assert.Equal("web", (string?)json["spec"]!["selector"]!["matchLabels"]!["app"]);
        var container = json["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx", (string?)container["name"]);
        Assert.Equal("nginx", (string?)container["image"]);
        // Go values that are always on the wire but empty are left out, as Go's JSON omitempty leaves them out.
        Assert.Null(json["metadata"]!["namespace"]);
        Assert.Null(json["metadata"]!["creationTimestamp"]);
        Assert.Null(container["imagePullPolicy"]);
        Assert.Null(json["spec"]!["paused"]);
        Assert.Equal("{}", json["spec"]!["strategy"]!.ToJsonString());
        Assert.Equal("{}", container["resources"]!.ToJsonString());
    }

    [Fact]
    public void Secret_data_is_base64_and_a_pdb_keeps_its_int_or_string()
    {
        var secret = ProtobufBody.ToJson(Convert.FromHexString(KubectlSecret));
        Assert.Equal(Convert.ToBase64String("v"u8.ToArray()), (string?)secret["data"]!["k"]);
        Assert.Equal("s1", (string?)secret["metadata"]!["name"]);

        var pdb = ProtobufBody.ToJson(Convert.FromHexString(KubectlPodDisruptionBudget));
        Assert.Equal("policy/v1", (string?)pdb["apiVersion"]);
        Assert.Equal(1, (int?)pdb["spec"]!["minAvailable"]);
        Assert.Equal("web", (string?)pdb["spec"]!["selector"]!["matchLabels"]!["app"]);
    }

    [Fact]
    public void Pointers_keep_zero_while_plain_values_drop_it_and_times_and_quantities_read_as_strings()
    {
        var container = Msg(Str(1, "app"), Str(2, "busybox"), Bytes(8, Msg(Bytes(1, MapEntry("cpu", Msg(Str(1, "250m")))))));
        var podSpec = Msg(Bytes(2, container), Varint(4, 0), Varint(11, 0), Str(3, ""));
        var template = Msg(Bytes(1, Msg(Str(1, "t"))), Bytes(2, podSpec));
        var time = Msg(Varint(1, 1_700_000_000), Varint(2, 0));
        var meta = Msg(Str(1, "zero"), Bytes(8, time), Varint(10, 0));
        var strategy = Msg(Str(1, "RollingUpdate"), Bytes(2, Msg(Bytes(1, Msg(Varint(1, 1), Str(3, "25%"))))));
        var spec = Msg(Varint(1, 0), Bytes(3, template), Bytes(4, strategy), Varint(5, 0));
        var json = ProtobufBody.ToJson(Envelope("apps/v1", "Deployment", Msg(Bytes(1, meta), Bytes(2, spec))));

        Assert.Equal(0, (int?)json["spec"]!["replicas"]);                       // *int32 set to 0 stays 0
        Assert.Null(json["spec"]!["minReadySeconds"]);                          // int32 0 is "unset"
        Assert.Equal(0, (long?)json["metadata"]!["deletionGracePeriodSeconds"]);
        Assert.Equal("2023-11-14T22:13:20Z", (string?)json["metadata"]!["creationTimestamp"]);
        Assert.Equal("25%", (string?)json["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]);
        var podSpecJson = json["spec"]!["template"]!["spec"]!;
        Assert.Equal(0, (long?)podSpecJson["terminationGracePeriodSeconds"]);
        Assert.Null(podSpecJson["hostNetwork"]);
        Assert.Null(podSpecJson["restartPolicy"]);
        Assert.Equal("250m", (string?)podSpecJson["containers"]![0]!["resources"]!["limits"]!["cpu"]);
    }

    [Fact]
    public void Inlined_go_structs_land_in_their_parent()
    {
        var volume = Msg(Str(1, "config"), Bytes(2, Msg(Bytes(19, Msg(Bytes(1, Msg(Str(1, "settings"))), Varint(3, 420))))));
        var probe = Msg(Bytes(1, Msg(Bytes(2, Msg(Str(1, "/healthz"), Bytes(2, Msg(Varint(2, 8080))))))), Varint(4, 5));
        var container = Msg(Str(1, "web"), Str(2, "nginx"), Bytes(11, probe));
        var pod = Msg(Bytes(1, Msg(Str(1, "p"))), Bytes(2, Msg(Bytes(1, volume), Bytes(2, container))));

        var json = ProtobufBody.ToJson(Envelope("v1", "Pod", pod));

        var configMap = json["spec"]!["volumes"]![0]!["configMap"]!;
        Assert.Equal("settings", (string?)configMap["name"]);
        Assert.Equal(420, (int?)configMap["defaultMode"]);
        var readiness = json["spec"]!["containers"]![0]!["readinessProbe"]!;
        Assert.Equal("/healthz", (string?)readiness["httpGet"]!["path"]);
        Assert.Equal(8080, (int?)readiness["httpGet"]!["port"]);
        Assert.Equal(5, (int?)readiness["periodSeconds"]);
    }

    [Fact]
    public void Delete_options_decode_in_any_group_version()
    {
        var json = ProtobufBody.ToJson(Envelope("apps/v1", "DeleteOptions", Msg(Varint(1, 0), Str(4, "Foreground"))));

        Assert.Equal(0, (long?)json["gracePeriodSeconds"]);
        Assert.Equal("Foreground", (string?)json["propagationPolicy"]);
    }

    [Theory]
    [InlineData("6b38730a", "magic bytes")]                  // no "k8s\0"
    [InlineData("6b3873000a150a07617070", "runs past the end")] // truncated
    [InlineData("6b387300ff", "varint")]                     // a varint that never ends
    public void Malformed_bytes_are_a_bad_request(string hex, string expected)
    {
        var (body, problem) = ProtobufBody.Decode(Convert.FromHexString(hex));

        Assert.Null(body);
        Assert.Equal(400, problem!.Code);
        var message = (string?)JsonNode.Parse(problem.Body)!["message"];
        Assert.StartsWith("the body of the request was in an unknown format", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void An_unknown_field_or_kind_is_named_in_the_error()
    {
        var unknownField = Assert.Throws<ProtobufException>(() =>
            ProtobufBody.ToJson(Envelope("v1", "ConfigMap", Msg(Bytes(1, Msg(Str(1, "c"))), Varint(99, 1)))));
        Assert.Contains("field 99 of ConfigMap is not known", unknownField.Message);

        var nested = Assert.Throws<ProtobufException>(() =>
            ProtobufBody.ToJson(Envelope("v1", "Pod", Msg(Bytes(2, Msg(Bytes(2, Msg(Str(1, "c"), Varint(77, 1)))))))));
        Assert.Contains("at spec.containers[0]: field 77 of Container", nested.Message);

        var unknownKind = Assert.Throws<ProtobufException>(() => ProtobufBody.ToJson(Envelope("example.com/v1", "Widget", [])));
        Assert.Contains("no kind \"Widget\" is registered for version \"example.com/v1\"", unknownKind.Message);
    }

    [Theory]
    [InlineData("application/json", false)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("application/vnd.kubernetes.protobuf", false)]
    [InlineData("application/yaml", true)]
    [InlineData("application/cbor", true)]
    public void Only_json_and_protobuf_bodies_are_accepted(string contentType, bool refused)
    {
        var refusal = ProtobufBody.Refusal(contentType);

        Assert.Equal(refused, refusal is not null);
        if (refusal is not null) Assert.Equal(415, refusal.Code);
    }

    [Fact]
    public void Every_message_the_tables_name_exists()
    {
        foreach (var message in ProtoSchemas.All)
            foreach (var field in message.Fields.Values.Where(f => f.MessageName is not null))
                Assert.NotNull(ProtoSchemas.Resolve(message, field.MessageName!));
    }

    // A tiny protobuf writer for the tests: tags, varints and length-delimited fields are all a Kubernetes body uses.
    private static byte[] Envelope(string apiVersion, string kind, byte[] raw) =>
        [.. "k8s\0"u8.ToArray(), .. Bytes(1, Msg(Str(1, apiVersion), Str(2, kind))), .. Bytes(2, raw)];

    private static byte[] Msg(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] MapEntry(string key, byte[] value) => Msg(Str(1, key), Bytes(2, value));

    private static byte[] Str(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => [.. VarintBytes((ulong)(field << 3 | 2)), .. VarintBytes((ulong)value.Length), .. value];

    private static byte[] Varint(int field, long value) => [.. VarintBytes((ulong)(field << 3)), .. VarintBytes((ulong)value)];

    private static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
