import { createHash } from 'node:crypto';

import { canonicalQuery, canonicalUri, encodeRfc3986, signRequest, toAmzDate, type SigV4Options } from '../../nodes/shared/sigv4';

/**
 * AWS's published SigV4 test suite (header-signed variants): the files context.json, request.txt,
 * header-canonical-request.txt, header-string-to-sign.txt and header-signed-request.txt of
 * awslabs/aws-c-auth tests/aws-signing-test-suite/v4/<case>/ (Apache-2.0, the suite AWS's SDKs share),
 * transcribed here: the request as it is written there and what AWS says its canonical request,
 * string to sign and Authorization header are. All cases sign with the suite's example credentials.
 */
interface Vector {
	name: string;
	method: string;
	/** The request target of request.txt, byte for byte (so not normalised by `new URL`). */
	target: string;
	headers: Record<string, string | string[]>;
	body?: string;
	sessionToken?: string;
	signPayloadHeader?: boolean;
	canonicalRequest: string;
	stringToSign: string;
	authorization: string;
}

const SUITE_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SUITE_OPTIONS: SigV4Options = { region: 'us-east-1', service: 'service', date: new Date('2015-08-30T12:36:00Z') };

const VECTORS: Vector[] = [
	{
		"name": "get-vanilla",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
	},
	{
		"name": "post-vanilla",
		"method": "POST",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"
	},
	{
		"name": "get-vanilla-query",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
	},
	{
		"name": "post-vanilla-query",
		"method": "POST",
		"target": "/?Param1=value1",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"
	},
	{
		"name": "get-vanilla-query-order-key-case",
		"method": "GET",
		"target": "/?Param2=value2&Param1=value1",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
	},
	{
		"name": "get-vanilla-query-order-encoded",
		"method": "GET",
		"target": "/?Param-3=Value3&Param=Value2&%E1%88%B4=Value1",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n%E1%88%B4=Value1&Param=Value2&Param-3=Value3\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n868294f5c38bd141c4972a373a76654f1418a8e4fc18b2e7903ae45e8ae0ec71",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"
	},
	{
		"name": "get-vanilla-query-unreserved",
		"method": "GET",
		"target": "/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"
	},
	{
		"name": "get-vanilla-utf8-query",
		"method": "GET",
		"target": "/?ሴ=bar",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\neb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"
	},
	{
		"name": "get-utf8",
		"method": "GET",
		"target": "/ሴ",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"
	},
	{
		"name": "get-unreserved",
		"method": "GET",
		"target": "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"
	},
	{
		"name": "get-space-normalized",
		"method": "GET",
		"target": "/example space/",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"
	},
	{
		"name": "get-slashes-normalized",
		"method": "GET",
		"target": "//example//",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/example/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\ncb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"
	},
	{
		"name": "get-relative-relative-normalized",
		"method": "GET",
		"target": "/example1/example2/../..",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
	},
	{
		"name": "get-slash-dot-slash-normalized",
		"method": "GET",
		"target": "/./",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
	},
	{
		"name": "get-header-key-duplicate",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": [
				"value2",
				"value2",
				"value1"
			]
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\ndc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"
	},
	{
		"name": "get-header-value-order",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": [
				"value4",
				"value1",
				"value3",
				"value2"
			]
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"
	},
	{
		"name": "get-header-value-trim",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": " value1",
			"My-Header2": " \"a   b   c\""
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\na726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"
	},
	{
		"name": "get-header-value-multiline",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": "value1\n  value2\n     value3"
		},
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1 value2 value3\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\ne99419459a677bc11de234014be3c4e72c1ea5b454ceb58b613061f5d7a162e8",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd"
	},
	{
		"name": "post-header-key-sort",
		"method": "POST",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": "value1"
		},
		"canonicalRequest": "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"
	},
	{
		"name": "post-header-value-case",
		"method": "POST",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com",
			"My-Header1": "VALUE1"
		},
		"canonicalRequest": "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nd51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"
	},
	{
		"name": "get-vanilla-with-session-token",
		"method": "GET",
		"target": "/",
		"headers": {
			"Host": "example.amazonaws.com"
		},
		"sessionToken": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
		"canonicalRequest": "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\nhost;x-amz-date;x-amz-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
	},
	{
		"name": "post-x-www-form-urlencoded",
		"method": "POST",
		"target": "/",
		"headers": {
			"Content-Type": "application/x-www-form-urlencoded",
			"Host": "example.amazonaws.com",
			"Content-Length": "13"
		},
		"body": "Param1=value1",
		"signPayloadHeader": true,
		"canonicalRequest": "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\nx-amz-date:20150830T123600Z\n\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nb1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"
	},
	{
		"name": "post-x-www-form-urlencoded-parameters",
		"method": "POST",
		"target": "/",
		"headers": {
			"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
			"Host": "example.amazonaws.com",
			"Content-Length": "13"
		},
		"body": "Param1=value1",
		"signPayloadHeader": true,
		"canonicalRequest": "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:example.amazonaws.com\nx-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\nx-amz-date:20150830T123600Z\n\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
		"stringToSign": "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\na89f1a5b53e37702ee6363ce1da3ce8f54386f3c8f352ae652153c2982a0bc4d",
		"authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"
	}
];

function sign(vector: Vector) {
	return signRequest(
		{ method: vector.method, url: `https://example.amazonaws.com${vector.target}`, headers: vector.headers, body: vector.body },
		{ ...SUITE_CREDENTIALS, sessionToken: vector.sessionToken },
		{ ...SUITE_OPTIONS, signPayloadHeader: vector.signPayloadHeader },
	);
}

describe('SigV4 against the AWS test suite', () => {
	it.each(VECTORS.map((vector) => [vector.name, vector] as const))('%s: canonical request, string to sign, Authorization', (_name, vector) => {
		const signed = sign(vector);
		expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
		expect(signed.stringToSign).toBe(vector.stringToSign);
		expect(signed.authorization).toBe(vector.authorization);
		expect(signed.headers.authorization).toBe(vector.authorization);
		expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
	});

	it('covers the four cases the brief names and the session-token case', () => {
		const names = VECTORS.map((vector) => vector.name);
		for (const name of ['get-vanilla', 'post-vanilla', 'get-vanilla-query', 'post-x-www-form-urlencoded', 'get-vanilla-with-session-token']) {
			expect(names).toContain(name);
		}
	});

	it('sends the session token it signed', () => {
		const vector = VECTORS.find((candidate) => candidate.name === 'get-vanilla-with-session-token') as Vector;
		expect(sign(vector).headers['x-amz-security-token']).toBe(vector.sessionToken);
	});
});

describe('SigV4 details the suite does not pin down', () => {
	const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token-1' };
	const options: SigV4Options = { region: 'us-west-2', service: 'execute-api', date: new Date('2026-03-01T08:09:10.987Z') };

	it('formats the date as ISO 8601 basic, whole seconds', () => {
		expect(toAmzDate(new Date('2026-03-01T08:09:10.987Z'))).toBe('20260301T080910Z');
	});

	it('encodes a path from the wire a second time, as every service but S3 expects', () => {
		expect(canonicalUri('/v4/batch/a%20b')).toBe('/v4/batch/a%2520b');
		expect(canonicalUri('/v4/batch/48865381')).toBe('/v4/batch/48865381');
		expect(encodeRfc3986("!'()*")).toBe('%21%27%28%29%2A');
	});

	it('decodes and re-encodes query parameters, sorting by name then value', () => {
		expect(canonicalQuery('b=2&a=y&a=x&c')).toBe('a=x&a=y&b=2&c=');
		expect(canonicalQuery('q=a%2Bb&r=a b')).toBe('q=a%2Bb&r=a%20b');
	});

	it('re-signing a signed request replaces its signature headers instead of signing them', () => {
		const first = signRequest({ method: 'GET', url: 'https://ris.rightsline.com/v4/limits', headers: { 'x-api-key': 'k' } }, credentials, options);
		const again = signRequest({ method: 'GET', url: 'https://ris.rightsline.com/v4/limits', headers: first.headers }, credentials, options);
		expect(again.signedHeaders).toBe('host;x-amz-date;x-amz-security-token;x-api-key');
		expect(again.authorization).toBe(first.authorization);
	});

	it('hashes the body it is given, so a changed body changes the signature', () => {
		const request = { method: 'POST', url: 'https://ris.rightsline.com/v4/batch', headers: { 'content-type': 'application/json' } };
		const a = signRequest({ ...request, body: '{"method":"GET"}' }, credentials, options);
		const b = signRequest({ ...request, body: '{"method":"PUT"}' }, credentials, options);
		expect(a.canonicalRequest.split('\n').at(-1)).toBe(createHash('sha256').update('{"method":"GET"}').digest('hex'));
		expect(a.signature).not.toBe(b.signature);
		expect(a.headers.host).toBe('ris.rightsline.com');
	});

	it('refuses a relative URL', () => {
		expect(() => signRequest({ method: 'GET', url: '/v4/limits' }, credentials, options)).toThrow(/absolute URL/);
	});
});
