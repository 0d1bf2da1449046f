"""A small Python client for matchd, the azubimatch gRPC service.

Needs only Debian's python3-grpcio and python3-protobuf: the message classes come from
`protoc --python_out` (the build writes them to <build>/python; `pip install
./clients/python` generates them into the installed package), and the RPCs are
called through grpc's generic channel methods with the messages' own
SerializeToString / FromString, so no gRPC code generator is needed.

Every RPC of every service in the generated azubimatch.v1 modules becomes one callable,
built from the service descriptors (nothing here lists the methods by hand):

    import sys
    sys.path[:0] = ["build/python", "clients/python"]
    import azubimatch_client as azm

    with azm.Client("127.0.0.1:50051", api_key=open("data/admin.key").read().strip()) as c:
        member = c.Admin.CreateMember(azm.message("CreateMemberRequest", name="Netz"))
        page = c.Registry.ListOffers()                  # empty request = first page
        events = list(c.Matching.Assign(azm.message("AssignRequest",
                                                    mode="ASSIGN_MODE_OPTIMAL")))

Unary calls return the response message; server-streaming calls (Matching.Assign)
return an iterator of messages; client-streaming calls (Registry.Import) take an
iterable of requests. A refused call raises grpc.RpcError; `field_violations(error)`
lists the google.rpc.BadRequest details of an INVALID_ARGUMENT.

Thread safety: a Client and its callables may be used from several threads (grpc
channels are thread-safe). Building a Client is O(number of RPCs).
"""

import collections
import functools
import importlib
import pkgutil

import grpc
from google.protobuf import symbol_database

# The proto package every service lives in; its generated modules are azubimatch.v1.*_pb2.
API_PACKAGE = "azubimatch.v1"

# Replies larger than gRPC's 4 MiB default (a page of 1000 candidates) must still arrive.
MAX_RECEIVE_MESSAGE_BYTES = 64 << 20

# Deadline of one call when none is given, in seconds.
DEFAULT_TIMEOUT_SECONDS = 30.0

# One RPC: its path on the wire ("/azubimatch.v1.Registry/CreateCompany"), the message
# classes and whether each side streams.
MethodInfo = collections.namedtuple(
    "MethodInfo",
    "service name path request_class response_class client_streaming server_streaming")


@functools.lru_cache(maxsize=None)
def api_modules():
    """Imports every generated azubimatch.v1 *_pb2 module (they must be on sys.path), once."""
    package = importlib.import_module(API_PACKAGE)
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__)
                   if m.name.endswith("_pb2"))
    return tuple(importlib.import_module(API_PACKAGE + "." + name) for name in names)


def message(type_name, /, **fields):
    """A new azubimatch.v1 message by its short name, e.g. message("GetRecordRequest", id=x).
    Enum fields take their value names, e.g. mode="ASSIGN_MODE_OPTIMAL"."""
    api_modules()  # registers the classes
    cls = symbol_database.Default().GetSymbol(API_PACKAGE + "." + type_name)
    return cls(**fields)


def api_methods():
    """Every RPC of every azubimatch.v1 service, in file, service and declaration order."""
    database = symbol_database.Default()
    methods = []
    for module in api_modules():
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                methods.append(MethodInfo(
                    service=service.name,
                    name=method.name,
                    path="/%s/%s" % (service.full_name, method.name),
                    request_class=database.GetSymbol(method.input_type.full_name),
                    response_class=database.GetSymbol(method.output_type.full_name),
                    client_streaming=method.client_streaming,
                    server_streaming=method.server_streaming))
    return methods


class Rpc:
    """One RPC bound to a channel: call it with a request (or an iterable of requests
    for client streaming); omitted requests are empty messages."""

    def __init__(self, channel, info, metadata, timeout):
        self.info = info
        self._metadata = metadata
        self._timeout = timeout
        kind = {(False, False): channel.unary_unary,
                (False, True): channel.unary_stream,
                (True, False): channel.stream_unary,
                (True, True): channel.stream_stream}[
                    (info.client_streaming, info.server_streaming)]
        self._callable = kind(info.path,
                              request_serializer=info.request_class.SerializeToString,
                              response_deserializer=info.response_class.FromString)

    def __call__(self, request=None, timeout=None, metadata=()):
        if request is None:
            request = iter(()) if self.info.client_streaming else self.info.request_class()
        return self._callable(request,
                              timeout=self._timeout if timeout is None else timeout,
                              metadata=self._metadata + tuple(metadata))

    def __repr__(self):
        return "<Rpc %s>" % self.info.path


class Client:
    """A channel to matchd and one attribute per service (client.Registry.GetOffer(...)).

    target:       "host:port" of matchd.
    api_key:      sent as `authorization: Bearer <key>` with every call; None sends none.
    credentials:  grpc.ssl_channel_credentials(...) for a TLS server; None = plaintext.
    timeout:      default deadline of each call in seconds.
    """

    def __init__(self, target, api_key=None, credentials=None,
                 timeout=DEFAULT_TIMEOUT_SECONDS):
        options = [("grpc.max_receive_message_length", MAX_RECEIVE_MESSAGE_BYTES)]
        if credentials is None:
            self.channel = grpc.insecure_channel(target, options=options)
        else:
            self.channel = grpc.secure_channel(target, credentials, options=options)
        metadata = (("authorization", "Bearer " + api_key),) if api_key else ()
        self.rpcs = [Rpc(self.channel, info, metadata, timeout) for info in api_methods()]
        services = collections.defaultdict(dict)
        for rpc in self.rpcs:
            services[rpc.info.service][rpc.info.name] = rpc
        for service, rpcs in services.items():
            setattr(self, service, collections.namedtuple(service, rpcs)(**rpcs))

    def close(self):
        self.channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def field_violations(error):
    """(field, description) pairs of the google.rpc.BadRequest in a refused call's
    status details; [] when there are none or google/rpc modules are not generated."""
    try:  # installed package (pip install ./clients/python), else the build's modules
        from azubimatch._google.rpc import error_details_pb2, status_pb2
    except ImportError:
        try:
            from google.rpc import error_details_pb2, status_pb2
        except ImportError:
            return []
    trailers = dict(error.trailing_metadata() or ())
    details = trailers.get("grpc-status-details-bin")
    if not details:
        return []
    violations = []
    for any_detail in status_pb2.Status.FromString(details).details:
        bad_request = error_details_pb2.BadRequest()
        if any_detail.Unpack(bad_request):
            violations += [(v.field, v.description) for v in bad_request.field_violations]
    return violations
