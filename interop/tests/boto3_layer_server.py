#!/usr/bin/env python3
"""boto3 against the loopback layer server: is it a usable stand-in for Lambda?

Run by scripts/interop-boto3, which builds and starts the server and passes its
address. By hand:

    python interop/tests/boto3_layer_server.py --endpoint http://127.0.0.1:PORT \
        [--server target/debug/examples/layer_server]

With --server, a second server is started on a temporary --data directory
(written here) and stopped at the end. Credentials and the region come from
the environment (the script sets dummy ones and us-east-2).

Each check prints PASS or FAIL; `observed:` lines record what the SDK and the
server did where the brief asks only to record it. The last line is
`N passed, M failed`; the exit status is 1 when anything failed.
"""

import argparse
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from urllib.parse import urlsplit

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE_FILE = os.path.join(HERE, "..", "..", "tests", "data", "get_layer_version_example.json")
LAYER_ARN = "arn:aws:lambda:us-east-2:123456789012:layer:my-layer"

# Bounded: no retries (so errors come back at once), short socket timeouts.
CLIENT_CONFIG = Config(
    retries={"mode": "standard", "total_max_attempts": 1},
    connect_timeout=5,
    read_timeout=10,
)
SERVER_START_TIMEOUT = 30.0


class Client:
    """A boto3 Lambda client that remembers the last request it sent."""

    def __init__(self, endpoint, config=CLIENT_CONFIG):
        self.lambda_ = boto3.session.Session().client(
            "lambda", endpoint_url=endpoint, config=config
        )
        self.sent = []
        self.lambda_.meta.events.register("before-send.lambda", self._record)

    def _record(self, request, **_kwargs):
        self.sent.append(request)
        return None  # let botocore send it

    def call(self, operation, **params):
        self.sent.clear()
        return getattr(self.lambda_, operation)(**params)

    @property
    def last_path(self):
        """The raw (still percent-encoded) path and query of the last request."""
        assert self.sent, "no request was sent"
        parts = urlsplit(self.sent[-1].url)
        return parts.path + ("?" + parts.query if parts.query else "")

    @property
    def last_headers(self):
        assert self.sent, "no request was sent"
        return {k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in self.sent[-1].headers.items()}


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def error_of(call):
    """Runs call, which must raise; returns the exception."""
    try:
        result = call()
    except (ClientError, ParamValidationError) as e:
        return e
    raise AssertionError(f"expected an error, got a response: {without_metadata(result)}")


def describe_client_error(e):
    meta = e.response.get("ResponseMetadata", {})
    return (
        f"{type(e).__name__}: code={e.response['Error'].get('Code')!r} "
        f"status={meta.get('HTTPStatusCode')} message={e.response['Error'].get('Message')!r}"
    )


def observe(text):
    print(f"    observed: {text}")


# --- checks against the server started by the script (built-in data) --------


def check_by_name(c, example):
    response = c.call("get_layer_version", LayerName="my-layer", VersionNumber=1)
    assert c.last_path == "/2018-10-31/layers/my-layer/versions/1", c.last_path
    meta = response["ResponseMetadata"]
    assert meta["HTTPStatusCode"] == 200, meta
    assert meta["RetryAttempts"] == 0, meta
    got = without_metadata(response)
    assert got == example, f"differs from the example:\n got {got}\n want {example}"
    # botocore takes the request id from x-amzn-RequestId, as real Lambda sends it.
    assert len(meta.get("RequestId") or "") == 36, meta
    observe(f"response headers: {sorted(meta['HTTPHeaders'])}; RequestId {meta.get('RequestId')!r}")


def check_signed_for_region(c, _example):
    c.call("get_layer_version", LayerName="my-layer", VersionNumber=1)
    auth = c.last_headers.get("authorization", "")
    assert auth.startswith("AWS4-HMAC-SHA256 Credential=testing/"), auth
    assert "/us-east-2/lambda/aws4_request" in auth, auth
    observe(f"SigV4 scope {auth.split('Credential=')[1].split(',')[0]}; user-agent {c.last_headers.get('user-agent', '')[:40]}...")


def check_by_layer_arn(c, example):
    response = c.call("get_layer_version", LayerName=LAYER_ARN, VersionNumber=1)
    observe(f"path sent: {c.last_path}")
    assert c.last_path == "/2018-10-31/layers/" + LAYER_ARN.replace(":", "%3A") + "/versions/1", c.last_path
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    got = without_metadata(response)
    assert got == example, f"differs from the example:\n got {got}\n want {example}"


def check_by_arn_not_served(c, _example):
    e = error_of(lambda: c.call("get_layer_version_by_arn", Arn=LAYER_ARN + ":1"))
    observe(f"path sent: {c.last_path}")
    assert isinstance(e, ClientError), repr(e)
    observe(describe_client_error(e))
    # Not an operation this server serves: any 4xx is fine, a 5xx or success is not.
    assert 400 <= e.response["ResponseMetadata"]["HTTPStatusCode"] < 500, describe_client_error(e)


def check_unknown_version(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="my-layer", VersionNumber=2))
    assert isinstance(e, ClientError), repr(e)
    assert e.response["Error"]["Code"] == "ResourceNotFoundException", describe_client_error(e)
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 404, describe_client_error(e)
    # The modeled exception class, with the modeled members parsed from the body.
    assert isinstance(e, c.lambda_.exceptions.ResourceNotFoundException), type(e)
    assert e.response.get("Type") == "User", e.response
    assert e.response["Error"]["Message"], e.response
    observe(describe_client_error(e) + f"; modeled members: Type={e.response.get('Type')!r} Message={e.response.get('Message')!r}")


def check_unknown_layer(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="no-such-layer", VersionNumber=1))
    assert isinstance(e, c.lambda_.exceptions.ResourceNotFoundException), repr(e)
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def check_name_141(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="a" * 141, VersionNumber=1))
    if isinstance(e, ParamValidationError):
        assert not c.sent, "botocore rejected the name but still sent a request"
        observe(f"botocore's own validation rejected it, nothing sent: {e}")
        return
    observe("botocore sent it (it checks min lengths, not max); the server answered " + describe_client_error(e))
    assert e.response["Error"]["Code"] == "InvalidParameterValueException", describe_client_error(e)
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, describe_client_error(e)
    assert isinstance(e, c.lambda_.exceptions.InvalidParameterValueException), type(e)
    observe(f"modeled members in the body: Type={e.response.get('Type')!r} message={e.response.get('message')!r}")


def check_name_140(c, _example):
    # The boundary: a valid, unknown name of the maximum length is a 404, not a 400.
    e = error_of(lambda: c.call("get_layer_version", LayerName="a" * 140, VersionNumber=1))
    assert isinstance(e, ClientError), repr(e)
    assert e.response["Error"]["Code"] == "ResourceNotFoundException", describe_client_error(e)


def check_name_with_space(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="my layer", VersionNumber=1))
    if isinstance(e, ParamValidationError):
        observe(f"botocore's own validation rejected it: {e}")
        return
    observe(f"path sent: {c.last_path}; server answered " + describe_client_error(e))
    assert c.last_path == "/2018-10-31/layers/my%20layer/versions/1", c.last_path
    assert e.response["Error"]["Code"] == "InvalidParameterValueException", describe_client_error(e)
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, describe_client_error(e)


def check_empty_name(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="", VersionNumber=1))
    assert isinstance(e, ParamValidationError), repr(e)
    assert not c.sent, "botocore rejected the name but still sent a request"
    observe(f"botocore's own validation, nothing sent: {str(e).splitlines()[-1]}")


def check_version_zero(c, _example):
    e = error_of(lambda: c.call("get_layer_version", LayerName="my-layer", VersionNumber=0))
    assert isinstance(e, ClientError), repr(e)
    observe(describe_client_error(e))
    assert 400 <= e.response["ResponseMetadata"]["HTTPStatusCode"] < 500, describe_client_error(e)


CHECKS = [
    check_by_name,
    check_signed_for_region,
    check_by_layer_arn,
    check_by_arn_not_served,
    check_unknown_version,
    check_unknown_layer,
    check_name_141,
    check_name_140,
    check_name_with_space,
    check_empty_name,
    check_version_zero,
]


# --- a second server on a --data directory -----------------------------------

SECOND_LAYER = {
    "Content": {
        "Location": "https://example.invalid/second-layer-3.zip",
        "CodeSha256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        "CodeSize": 22,
        "SigningProfileVersionArn": "arn:aws:signer:us-east-2:123456789012:/signing-profiles/p/abc",
        "SigningJobArn": "arn:aws:signer:us-east-2:123456789012:/signing-jobs/def",
    },
    "LayerArn": "arn:aws:lambda:us-east-2:123456789012:layer:second-layer",
    "LayerVersionArn": "arn:aws:lambda:us-east-2:123456789012:layer:second-layer:3",
    "Description": "the second layer",
    "CreatedDate": "2024-02-29T12:00:00.000+0000",
    "Version": 3,
    # python9.9 is not a known runtime: the server must pass it through unchanged.
    "CompatibleRuntimes": ["python3.12", "python9.9"],
    "LicenseInfo": "Apache-2.0",
    "CompatibleArchitectures": ["arm64", "x86_64"],
}


def write_data_dir(root):
    os.makedirs(os.path.join(root, "second-layer"))
    with open(os.path.join(root, "second-layer", "3.json"), "w") as f:
        json.dump(SECOND_LAYER, f)
    os.makedirs(os.path.join(root, "broken-layer"))
    with open(os.path.join(root, "broken-layer", "1.json"), "w") as f:
        f.write('{"Version": "one"}')


class Server:
    """The layer server on a data directory; stopped by close()."""

    def __init__(self, binary, data_dir):
        self.process = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--data", data_dir],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            self.endpoint = self._read_address()
        except BaseException:
            self.close()
            raise

    def _read_address(self):
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        line = b""
        with selectors.DefaultSelector() as sel:
            sel.register(self.process.stdout, selectors.EVENT_READ)
            while not line.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    raise AssertionError(f"no address line within {SERVER_START_TIMEOUT}s")
                chunk = os.read(self.process.stdout.fileno(), 256)
                if not chunk:
                    raise AssertionError(f"the server exited first: {self.process.stderr.read().decode()}")
                line += chunk
        text = line.decode().strip()
        assert text.startswith("listening on http://127.0.0.1:"), text
        return text[len("listening on "):]

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        return self.process.stderr.read().decode()


def data_dir_checks(binary):
    """Starts a server on a fresh data directory; returns its checks and the server."""
    root = tempfile.mkdtemp(prefix="layer-server-data-")
    try:
        write_data_dir(root)
        server = Server(binary, root)
    finally:
        # The server reads every file at start: the directory can go now.
        shutil.rmtree(root, ignore_errors=True)
    c = Client(server.endpoint)

    def second_layer(_c, _example):
        response = c.call("get_layer_version", LayerName="second-layer", VersionNumber=3)
        got = without_metadata(response)
        assert got == SECOND_LAYER, f"differs from the file:\n got {got}\n want {SECOND_LAYER}"

    def second_layer_by_arn(_c, _example):
        response = c.call("get_layer_version", LayerName=SECOND_LAYER["LayerArn"], VersionNumber=3)
        assert without_metadata(response) == SECOND_LAYER

    def built_in_not_served(_c, _example):
        e = error_of(lambda: c.call("get_layer_version", LayerName="my-layer", VersionNumber=1))
        assert isinstance(e, c.lambda_.exceptions.ResourceNotFoundException), repr(e)

    def broken_file(_c, _example):
        e = error_of(lambda: c.call("get_layer_version", LayerName="broken-layer", VersionNumber=1))
        assert isinstance(e, c.lambda_.exceptions.ServiceException), repr(e)
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 500, describe_client_error(e)
        observe(describe_client_error(e))

    def broken_file_retried(_c, _example):
        # botocore's standard mode takes a 500 as transient: one retry (after a
        # random backoff of at most 1 s), then the same error.
        retrying = Client(server.endpoint, Config(retries={"mode": "standard", "total_max_attempts": 2}, connect_timeout=5, read_timeout=10))
        e = error_of(lambda: retrying.call("get_layer_version", LayerName="broken-layer", VersionNumber=1))
        assert isinstance(e, ClientError), repr(e)
        assert len(retrying.sent) == 2, f"{len(retrying.sent)} request(s) sent"
        assert e.response["ResponseMetadata"]["RetryAttempts"] == 1, e.response["ResponseMetadata"]
        observe(f"{len(retrying.sent)} requests sent, RetryAttempts={e.response['ResponseMetadata']['RetryAttempts']}")

    return [
        ("data_dir: second layer by name", second_layer),
        ("data_dir: second layer by ARN", second_layer_by_arn),
        ("data_dir: built-in my-layer not served", built_in_not_served),
        ("data_dir: undecodable file -> ServiceException 500", broken_file),
        ("data_dir: botocore retries the 500 once with 2 attempts", broken_file_retried),
    ], server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="http://127.0.0.1:PORT of a layer server with the built-in data")
    parser.add_argument("--server", help="the layer_server binary, to also test --data DIR")
    parser.add_argument("--example", default=EXAMPLE_FILE, help="the documented example response (JSON)")
    args = parser.parse_args()

    with open(args.example) as f:
        example = json.load(f)
    print(f"boto3 {boto3.__version__}, botocore {botocore.__version__}, Python {sys.version.split()[0]}")
    print(f"endpoint {args.endpoint}, region {boto3.session.Session().region_name}")

    client = Client(args.endpoint)
    checks = [(check.__name__[len("check_"):], check) for check in CHECKS]
    data_server = None
    passed = failed = 0
    try:
        if args.server:
            try:
                data_checks, data_server = data_dir_checks(args.server)
                print(f"data_dir server at {data_server.endpoint}")
                checks += data_checks
            except Exception:
                failed += 1
                print("FAIL data_dir: server start")
                traceback.print_exc(file=sys.stdout)
        for name, check in checks:
            try:
                print(f"-- {name}")
                check(client, example)
            except Exception:
                failed += 1
                print(f"FAIL {name}")
                traceback.print_exc(file=sys.stdout)
            else:
                passed += 1
                print(f"PASS {name}")
    finally:
        if data_server is not None:
            stderr = data_server.close()
            print("data_dir server stderr: " + " | ".join(stderr.strip().splitlines()))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
