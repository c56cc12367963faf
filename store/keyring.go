package store

// Service is the keyring service name under which mps keeps its secrets.
const Service = "mps"

// Keyring is the small part of an OS keyring mps uses. Get and Delete return
// an error wrapping ErrNotFound when there is no entry.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// SecretKind names one of the secrets mps keeps per profile.
type SecretKind int

const (
	// AccessToken is the Graph API access token (MPS_TOKEN, keyring account "<profile>").
	AccessToken SecretKind = iota
	// AppSecret switches on appsecret_proof and checks webhook signatures
	// (MPS_APP_SECRET, keyring account "<profile>:app_secret").
	AppSecret
	// VerifyToken answers the webhook verification handshake
	// (MPS_VERIFY_TOKEN, keyring account "<profile>:verify_token").
	VerifyToken
	// StorePassword is the shared store's PostgreSQL password (keyring
	// account "<profile>:store_password"). It has no MPS_ variable: after
	// the keyring, PostgreSQL's own PGPASSWORD and pgpass file apply.
	StorePassword
)

// Environment variables read by store.
const (
	EnvToken       = "MPS_TOKEN"
	EnvAppSecret   = "MPS_APP_SECRET"
	EnvVerifyToken = "MPS_VERIFY_TOKEN"
	EnvProfile     = "MPS_PROFILE"
	EnvAppID       = "MPS_APP_ID"
	EnvBusinessID  = "MPS_BUSINESS_ID"
	EnvGraphURL    = "MPS_GRAPH_URL"
	EnvAPIVersion  = "MPS_API_VERSION"
	EnvConfigID    = "MPS_CONFIG_ID"
	EnvStore       = "MPS_STORE"
)

// String names the secret for people: "access token", "app secret", "webhook verify token".
func (k SecretKind) String() string {
	switch k {
	case AccessToken:
		return "access token"
	case AppSecret:
		return "app secret"
	case VerifyToken:
		return "webhook verify token"
	case StorePassword:
		return "store password"
	}
	return "unknown secret"
}

// EnvVar is the environment variable that overrides the keyring for this secret.
func (k SecretKind) EnvVar() string {
	switch k {
	case AccessToken:
		return EnvToken
	case AppSecret:
		return EnvAppSecret
	case VerifyToken:
		return EnvVerifyToken
	}
	return ""
}

// Otherwise says what gives this secret besides the keyring, for advice:
// "set MPS_APP_SECRET".
func (k SecretKind) Otherwise() string {
	if k == StorePassword {
		return "set PGPASSWORD, or use a pgpass file"
	}
	return "set " + k.EnvVar()
}

// Account is the keyring account ("user") holding this secret for profile.
func (k SecretKind) Account(profile string) string {
	switch k {
	case AppSecret:
		return profile + ":app_secret"
	case VerifyToken:
		return profile + ":verify_token"
	case StorePassword:
		return profile + ":store_password"
	}
	return profile
}
