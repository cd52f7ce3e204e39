import type { Config, PayloadRequest } from 'payload'

/**
 * A synchronous contract one plugin defines and another implements (may this member book?
 * debit credits). The definer ships the default used when no plugin implements it.
 */
export type Port<Input, Output> = {
  name: string
  /** What happens when no installed plugin implements the port. */
  fallback: (req: PayloadRequest, input: Input) => Promise<Output> | Output
}

export type PortImpl<Input, Output> = (req: PayloadRequest, input: Input) => Promise<Output> | Output

export const definePort = <Input, Output>(
  name: string,
  fallback: Port<Input, Output>['fallback'],
): Port<Input, Output> => ({ name, fallback })

/** Registers the implementation of a port (use inside a plugin); one implementer per port. */
export const implementPort = <Input, Output>(
  config: Config,
  port: Port<Input, Output>,
  impl: PortImpl<Input, Output>,
): Config => {
  const ports = { ...((config.custom?.ports as Record<string, unknown> | undefined) ?? {}) }
  if (ports[port.name]) throw new Error(`Port "${port.name}" is implemented twice`)
  ports[port.name] = impl
  return { ...config, custom: { ...config.custom, ports } }
}

/** Calls a port: the installed implementation, else the port's documented fallback. */
export const callPort = async <Input, Output>(
  req: PayloadRequest,
  port: Port<Input, Output>,
  input: Input,
): Promise<Output> => {
  const impl = (req.payload.config.custom?.ports as Record<string, PortImpl<Input, Output>> | undefined)?.[port.name]
  return impl ? impl(req, input) : port.fallback(req, input)
}
