import { Loading } from '../../_lib/Loading'

export default Loading
