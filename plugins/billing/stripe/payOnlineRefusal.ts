/** Why a signed-in user who is not a member of the business cannot pay online there (403 `not_a_member`). */
export const PAY_ONLINE_REFUSAL = 'Only members of this business can pay online here.'
