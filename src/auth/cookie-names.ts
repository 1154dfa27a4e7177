/** The staff session cookie: `__Host-` binds it to this host, over HTTPS, for every path. */
export const SESSION_COOKIE = '__Host-soca-session'
