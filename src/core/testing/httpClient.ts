export type HttpResult<T = any> = { status: number; body: T; headers: Headers }

/** A small JSON client over real HTTP, optionally signed in with a Payload JWT or API key. */
export const httpClient = (
  baseUrl: string,
  auth?: { token?: string; apiKey?: string; headers?: Record<string, string> },
) => {
  const headers = (): Record<string, string> => ({
    'content-type': 'application/json',
    ...(auth?.token ? { authorization: `JWT ${auth.token}` } : {}),
    ...(auth?.apiKey ? { authorization: `api-clients API-Key ${auth.apiKey}` } : {}),
    ...auth?.headers,
  })
  const request = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<HttpResult<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers(), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T, headers: response.headers }
  }
  return {
    request,
    get: <T = any>(path: string) => request<T>('GET', path),
    post: <T = any>(path: string, body?: unknown, extra?: Record<string, string>) =>
      request<T>('POST', path, body, extra),
    patch: <T = any>(path: string, body?: unknown) => request<T>('PATCH', path, body),
    delete: <T = any>(path: string) => request<T>('DELETE', path),
    graphql: <T = any>(query: string, variables?: Record<string, unknown>) =>
      request<{ data?: T; errors?: { message: string; extensions?: { statusCode?: number } }[] }>(
        'POST',
        '/api/graphql',
        { query, variables },
      ),
  }
}

export type HttpClient = ReturnType<typeof httpClient>
