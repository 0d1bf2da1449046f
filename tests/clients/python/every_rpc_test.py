#!/usr/bin/python3
"""The Python client (clients/python/azubimatch_client.py) against a real matchd.

Starts <build>/bin/matchd on 127.0.0.1:0 over a fresh data folder in a temporary
directory, reads the admin key it writes, creates a member and an officer key through
Admin, and then:
  - calls every RPC of every azubimatch.v1 service (from the service descriptors) with
    an empty request and checks the documented answer (see expected_code());
  - calls every RPC without a key, and with a made-up key: UNAUTHENTICATED;
  - checks that the health check is open and SERVING;
  - creates a company, an offer and a candidate and asks for suggestions.

  /usr/bin/python3 tests/clients/python/every_rpc_test.py --matchd build/bin/matchd \
      --python-dir build/python [unittest arguments]

Exits 77 (ctest: skipped) when /usr/bin/python3 lacks grpc or google.protobuf.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

SKIP_RETURN_CODE = 77

try:
    import grpc
    import google.protobuf  # noqa: F401  (the generated messages need it)
except ImportError as error:
    print("SKIP: %s lacks grpc or google.protobuf (python3-grpcio, python3-protobuf): %s"
          % (sys.executable, error))
    sys.exit(SKIP_RETURN_CODE)

# Set by main() from the command line; azubimatch_client is imported there.
ARGS = None
azm = None

# Codes that mean the server broke rather than answered.
SERVER_FAULTS = {grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL,
                 grpc.StatusCode.UNAVAILABLE}

# grpc.health.v1.HealthCheckResponse{status: SERVING}, serialized.
HEALTH_SERVING = b"\x08\x01"


def expected_code(info):
    """The documented answer to an empty request (service/*/*_service.h, *.proto):
    listings and reads without required fields answer their first page, an Import
    without messages is OK with received = 0, GetRetention has no required field (as of
    today, the default days, no groups), CreateBackup without matchd --backup-dir
    is FAILED_PRECONDITION, the company policy's Get and Clear act for the caller's
    member (GetCompanyPolicy answers the default, ClearCompanyPolicy cleared = false),
    and everything else misses a required field."""
    if info.name.startswith(("List", "Read")) or info.name in ("Import", "GetRetention"):
        return grpc.StatusCode.OK
    if info.name in ("GetCompanyPolicy", "ClearCompanyPolicy"):
        return grpc.StatusCode.OK
    if info.name == "CreateBackup":
        return grpc.StatusCode.FAILED_PRECONDITION
    return grpc.StatusCode.INVALID_ARGUMENT


def call_code(rpc, request=None):
    """Calls `rpc` and returns (code, details, response or list of streamed responses)."""
    try:
        response = rpc(request, timeout=60)
        if rpc.info.server_streaming:
            response = list(response)
        return grpc.StatusCode.OK, "", response
    except grpc.RpcError as error:
        return error.code(), error.details() or "", None


def table(rows):
    """rows: (rpc, expected, got, details) -> an aligned text table."""
    header = ("rpc", "expected", "got", "details")
    rows = [header] + [tuple(str(c) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join("  ".join(row[i].ljust(widths[i]) for i in range(3)) + "  " + row[3]
                     for row in rows)


def short(code):
    return code.name if code is not None else "-"


class Matchd:
    """A matchd process on 127.0.0.1:0 over `data_dir`; its stderr is kept in `log`."""

    def __init__(self, binary, data_dir):
        self.log = []
        self.process = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--data", data_dir, "--no-sync-writes",
             "--quiet"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        listening = threading.Event()
        self.address = None

        def read_stderr():
            for line in self.process.stderr:
                self.log.append(line.rstrip("\n"))
                found = re.search(r"matchd listening on (\S+:\d+)", line)
                if found and self.address is None:
                    self.address = found.group(1)
                    listening.set()
            listening.set()  # stderr closed: matchd ended

        self.reader = threading.Thread(target=read_stderr, daemon=True)
        self.reader.start()
        listening.wait(120)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(10)
        return self.process.returncode


class EveryRpcTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.temp = tempfile.TemporaryDirectory(prefix="azm_python_client_")
        data_dir = os.path.join(cls.temp.name, "data")
        cls.matchd = Matchd(ARGS.matchd, data_dir)
        if cls.matchd.address is None:
            cls.matchd.stop()
            raise RuntimeError("matchd did not start:\n" + "\n".join(cls.matchd.log))
        with open(os.path.join(data_dir, "admin.key")) as f:
            admin_key = f.read().strip()
        cls.admin = azm.Client(cls.matchd.address, api_key=admin_key)
        member = cls.admin.Admin.CreateMember(
            azm.message("CreateMemberRequest", name="Netzwerk Stuttgart"))
        officer = cls.admin.Admin.CreateApiKey(azm.message(
            "CreateApiKeyRequest", member_id=member.id, role="officer",
            label="python client test"))
        cls.officer = azm.Client(cls.matchd.address, api_key=officer.key)
        cls.member_id = member.id

    @classmethod
    def tearDownClass(cls):
        cls.admin.close()
        cls.officer.close()
        code = cls.matchd.stop()
        if code != 0:
            print("matchd exited with %s:\n%s" % (code, "\n".join(cls.matchd.log)),
                  file=sys.stderr)
        cls.temp.cleanup()

    def assert_health_serving(self, channel):
        check = channel.unary_unary("/grpc.health.v1.Health/Check")
        self.assertEqual(check(b"", timeout=30), HEALTH_SERVING)

    def test_api_has_more_than_30_rpcs_in_six_services(self):
        methods = azm.api_methods()
        self.assertGreater(len(methods), 30)
        self.assertEqual({m.service for m in methods},
                         {"Admin", "DataProtection", "Matching", "Preferences", "Registry",
                          "Reports"})

    def test_every_rpc_answers_empty_request_with_documented_code(self):
        # Admin RPCs need the admin role; the others are called as an officer.
        rows, failures = [], []
        for info in azm.api_methods():
            client = self.admin if info.service == "Admin" else self.officer
            rpc = getattr(getattr(client, info.service), info.name)
            expected = expected_code(rpc.info)
            code, details, _ = call_code(rpc)
            row = (rpc.info.path, short(expected), short(code), details)
            rows.append(row)
            if code != expected or code in SERVER_FAULTS:
                failures.append(row)
        print("\nEmpty requests:\n" + table(rows), file=sys.stderr)
        self.assertGreater(len(rows), 30)
        if failures:
            self.fail("undocumented answers to empty requests:\n" + table(failures))
        # The server still answers.
        self.assert_health_serving(self.officer.channel)
        code, details, _ = call_code(self.officer.Registry.ListOffers)
        self.assertEqual(code, grpc.StatusCode.OK, details)

    def test_invalid_argument_names_the_missing_field(self):
        code, details, _ = call_code(self.officer.Registry.GetOffer)
        self.assertEqual(code, grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(details, "id: required")
        with self.assertRaises(grpc.RpcError) as raised:
            self.officer.Registry.CreateCompany()
        self.assertEqual(raised.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("company", [f for f, _ in azm.field_violations(raised.exception)])

    def test_admin_rpcs_refuse_an_officer_key(self):
        rows = []
        for rpc in self.officer.Admin:
            code, details, _ = call_code(rpc)
            if code != grpc.StatusCode.PERMISSION_DENIED:
                rows.append((rpc.info.path, "PERMISSION_DENIED", short(code), details))
        if rows:
            self.fail("officer keys reach Admin RPCs:\n" + table(rows))

    def test_every_rpc_without_a_valid_key_is_unauthenticated(self):
        rows = []
        for api_key in (None, "azm_not-a-real-key"):
            with azm.Client(self.matchd.address, api_key=api_key) as client:
                for rpc in client.rpcs:
                    code, details, _ = call_code(rpc)
                    if code != grpc.StatusCode.UNAUTHENTICATED:
                        rows.append((rpc.info.path, "UNAUTHENTICATED", short(code),
                                     "key %r: %s" % (api_key, details)))
        if rows:
            self.fail("RPCs that do not refuse a missing or made-up key:\n" + table(rows))

    def test_health_check_is_serving_without_a_key(self):
        with azm.Client(self.matchd.address) as client:
            self.assert_health_serving(client.channel)

    def test_suggest_offers_finds_an_offer_near_the_candidate(self):
        m = azm.message
        stuttgart = m("Location", latitude=48.7758, longitude=9.1829, postal_code="70173",
                      municipality="Stuttgart")
        retail = m("Occupation", kldb_code="62102", title="Kaufmann/-frau im Einzelhandel",
                   sector="SECTOR_TRADE")
        german_b1 = m("LanguageSkill", language="de", level="CEFR_LEVEL_B1")
        registry = self.officer.Registry
        company = registry.CreateCompany(m("CreateCompanyRequest", company=m(
            "Company", name="Yilmaz Lebensmittel GmbH", sector="SECTOR_TRADE",
            location=stuttgart, languages=["de", "tr"], may_train=True,
            chamber="CHAMBER_IHK")))
        offer = registry.CreateOffer(m("CreateOfferRequest", offer=m(
            "TrainingOffer", company_id=company.id, occupation=retail, seats=2,
            start_date=m("Date", year=2027, month=9, day=1), location=stuttgart,
            required_languages=[german_b1])))
        candidate = registry.CreateCandidate(m("CreateCandidateRequest", candidate=m(
            "Candidate", display_name="Aylin", home=stuttgart, travel_limit_minutes=45,
            travel_mode="TRAVEL_MODE_PUBLIC_TRANSPORT", desired_occupations=[retail],
            languages=[german_b1],
            school_certificate="SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS",
            available_from=m("Date", year=2027, month=8, day=1))))
        self.assertEqual(company.member_id, self.member_id)

        response = self.officer.Matching.SuggestOffers(
            m("SuggestOffersRequest", candidate_id=candidate.id))
        self.assertEqual([s.offer_id for s in response.suggestions], [offer.id])
        suggestion = response.suggestions[0]
        self.assertEqual(suggestion.candidate_id, candidate.id)
        self.assertGreater(suggestion.score, 0.0)
        self.assertLessEqual(suggestion.score, 1.0)
        self.assertEqual(response.eligible, 1)


def main():
    global ARGS, azm
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matchd", required=True, help="path of the matchd binary")
    parser.add_argument("--python-dir", required=True,
                        help="folder with the generated azubimatch/v1/*_pb2.py")
    parser.add_argument("--client-dir", help="folder of azubimatch_client.py "
                        "(default: clients/python next to this file's tests/)")
    ARGS, rest = parser.parse_known_args()
    client_dir = ARGS.client_dir or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python")
    if not os.path.isdir(os.path.join(ARGS.python_dir, "azubimatch", "v1")):
        sys.exit("%s has no generated azubimatch/v1 modules: build the target "
                 "azm_python_messages first" % ARGS.python_dir)
    sys.path[:0] = [ARGS.python_dir, client_dir]
    import azubimatch_client
    azm = azubimatch_client
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
